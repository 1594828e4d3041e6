package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static dev.switchboard.alerts.routing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.testkit.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code alerts group <id>} and {@code alerts [filters]} answers: every alert reachable, bad input explained. */
class AlertAnswersTest {
    private static final Instant T0 = TestClock.DEFAULT_START;

    private final TestClock clock = new TestClock();
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final AlertRouter router = new AlertRouter(new Routes(List.of(),
            Route.of("ops", List.of(), List.of(OPS), GroupBy.labels("alertname", "cluster"))),
            RateBudget.ONE_PER_SECOND, clock);
    private final AlertAnswers answers = new AlertAnswers(router, store);

    private void receive(List<Alert> alerts) {
        store.record(alerts);
        router.accept(alerts);
    }

    @Test
    void aGroupIsListedPageByPageWithEachAlertsCurrentState() {
        List<Alert> pods = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            pods.add(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p" + n));
        }
        receive(pods);
        receive(List.of(resolved(T0, T0.plusSeconds(9), "PodCrash", "cluster", "eu-1", "pod", "p0")));
        String id = router.groups().getFirst().id();

        String first = answers.group(id, 1).plainText();
        String last = answers.group(id, 3).plainText();

        assertThat(first).startsWith("PodCrash: 119 firing, 1 resolved").contains("Page 1 of 3; next: alerts group "
                + id + " page 2");
        assertThat(last).contains("Page 3 of 3").contains("resolved  PodCrash  pod=p0");
        assertThat(answers.group(id, 4).plainText()).isEqualTo("Group " + id
                + " has 3 pages of alerts; expected a page from 1 to 3");
    }

    @Test
    void anUnknownGroupIdIsExplained() {
        assertThat(answers.group("zzzzzz", 1).plainText()).startsWith("There is no alert group 'zzzzzz'");
        assertThat(answers.group("DROP TABLE;", 1).plainText()).startsWith("There is no alert group 'drop table;'");
    }

    @Test
    void alertsAreListedByStatusAndLabelsWithTheirGroups() {
        receive(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1"),
                firing(T0, "PodCrash", "cluster", "us-1", "pod", "p1"),
                firing(T0, "NodeDown", "cluster", "eu-1", "node", "n1")));
        receive(List.of(resolved(T0, T0.plusSeconds(5), "NodeDown", "cluster", "eu-1", "node", "n1")));
        String euGroup = router.groups().getFirst().id();

        assertThat(answers.list("").plainText()).startsWith("2 firing alerts: 2 × PodCrash");
        assertThat(answers.list("firing cluster=eu-1").plainText())
                .startsWith("1 firing alerts with cluster=eu-1: 1 × PodCrash").contains(euGroup);
        assertThat(answers.list("all, cluster=eu-1").plainText())
                .startsWith("2 alerts with cluster=eu-1: 1 × NodeDown, 1 × PodCrash");
        assertThat(answers.list("resolved cluster=us-1").plainText()).isEqualTo("No resolved alerts with cluster=us-1.");
        assertThat(answers.list("cluster eu-1").plainText()).startsWith("I don't understand 'cluster' in the alert"
                + " filter; expected firing, resolved, all or name=value");
    }
}
