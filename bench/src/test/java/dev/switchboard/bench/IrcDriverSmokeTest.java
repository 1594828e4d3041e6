package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the end-to-end IRC benchmark tiny (2 users, a few dozen commands) against ngIRCd, so broken wiring or
 * unmatched replies fail the build instead of producing a misleading figure. Uses the server named by
 * {@code SWITCHBOARD_TEST_IRC_HOST}/{@code _PORT} (CI) or starts one with {@code scripts/peers/ngircd.sh}; without
 * either it is skipped, or fails when {@code CI=true}. Nothing here measures performance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IrcDriverSmokeTest {
    private Ircd ircd;
    private IrcBot bot;
    private IrcLoad load;

    @BeforeAll
    void start() throws InterruptedException {
        ircd = Ircd.fromEnvironment().orElseGet(IrcDriverSmokeTest::ownServer);
        bot = IrcBot.start(ircd.host(), ircd.port(), "sbsmoke", "#smoke", "smoke", 2, 10_000, 10_000);
        load = IrcLoad.connect(ircd.host(), ircd.port(), 2, "smoke", "sbsmoke", "#smoke", bot::outboundLines,
                bot::dispatcherQueue, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (load != null) {
            load.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (ircd != null) {
            ircd.close();
        }
    }

    @Test
    void closedLoopOverPrivateMessagesGetsEveryEchoBack() throws InterruptedException {
        IrcLoad.Result result = load.closed(IrcLoad.Where.DM, 2, Duration.ofSeconds(30), 40);

        assertThat(result.sent()).isEqualTo(40);
        assertThat(result.answered()).isEqualTo(40);
        assertThat(result.lost()).isZero();
        assertThat(result.latency().p50()).isPositive().isLessThanOrEqualTo(result.latency().max());
    }

    @Test
    void burstInTheChannelIsAnsweredCompletelyWithNothingUnmatched() throws InterruptedException {
        IrcLoad.Result result = load.burst(IrcLoad.Where.CHANNEL, 2, 40);

        assertThat(result.answered()).isEqualTo(40);
        assertThat(result.lost()).isZero();
        assertThat(result.unmatched()).isZero();
    }

    @Test
    void openLoopCountsLatencyFromTheSchedule() throws InterruptedException {
        IrcLoad.Result result = load.open(IrcLoad.Where.DM, 2, 20, Duration.ofSeconds(1));

        assertThat(result.answered()).isEqualTo(20);
        assertThat(result.latency().count()).isEqualTo(20);
    }

    private static Ircd ownServer() {
        Optional<Path> script = Ircd.findScript();
        try {
            return Ircd.start(script.orElseThrow(() -> new IllegalStateException(
                    "scripts/peers/ngircd.sh not found above " + Path.of("").toAbsolutePath())));
        } catch (IllegalStateException e) {
            String why = "no IRC server: SWITCHBOARD_TEST_IRC_HOST/_PORT unset and " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("an IRC server is required in CI (CI=true) but there is " + why);
            }
            Assumptions.abort("skipping the IRC benchmark smoke test: " + why);
            throw new AssertionError("unreachable");
        }
    }
}
