package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One tiny storm through {@link AlertStormDriver} (300 alerts, 30 to a request, 3 clients) against a real server, so
 * a broken wiring fails the build instead of printing a misleading figure. It measures nothing.
 */
class AlertStormSmokeTest {
    @Test
    void aSmallStormIsStoredWholeAndEndsAsOneSummaryMessageWithExactCounts() throws Exception {
        DriverOptions options = DriverOptions.parse(new String[] {"--alerts", "300", "--per-payload", "30",
            "--clients", "3", "--group-wait", "1s", "--quiet", "2"}, Map.of("alerts", "", "per-payload", "",
            "clients", "", "group-wait", "", "quiet", "", "settle", "30"));

        StormRun run = AlertStormDriver.storm(options);

        assertThat(run.opened()).isEqualTo(300);
        assertThat(run.stored()).isEqualTo(300);
        assertThat(run.lastTitle()).isEqualTo(run.expectedTitle())
                .isEqualTo("300 alerts firing in cluster eu-1: 180 × KubePodCrashLooping, 90 × KubeNodeNotReady,"
                        + " 30 × TargetDown");
        assertThat(run.posts()).as("the 60 groups fold into one summary message").isEqualTo(1);
    }

    @Test
    void theBusiestSecondCountsEveryActionWithinOneSecondOfTheFirst() {
        long s = 1_000_000_000L;
        assertThat(StormRun.maxInOneSecond(List.of(0L, s, 2 * s))).isEqualTo(1);
        assertThat(StormRun.maxInOneSecond(List.of(0L, s / 2, s, s + s / 4))).isEqualTo(3);
        assertThat(StormRun.maxInOneSecond(List.of())).isZero();
    }
}
