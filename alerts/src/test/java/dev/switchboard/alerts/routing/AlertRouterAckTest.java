package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static dev.switchboard.alerts.routing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ack marks a group's message, edited like any change; a new episode of the group starts un-acked. */
class AlertRouterAckTest {
    private static final Instant T0 = TestClock.DEFAULT_START;

    private final TestClock clock = new TestClock();
    private final AlertRouter router = new AlertRouter(new Routes(List.of(), Route.of("ops", List.of(), List.of(OPS),
            GroupBy.labels("alertname")).withTiming(Duration.ZERO, Duration.ofSeconds(10), Duration.ofHours(4))),
            RateBudget.ONE_PER_SECOND, clock);

    private List<PostAction> tickAfter(Duration step) {
        clock.advance(step);
        List<PostAction> actions = router.tick(clock.instant());
        actions.stream().filter(a -> a instanceof PostAction.Say)
                .forEach(a -> router.posted(a.groupId(), "m" + clock.instant().getEpochSecond()));
        return actions;
    }

    @Test
    void anAckEditsThePostedMessageToSayWhoTookIt() {
        Alert disk = firing(T0, "DiskFull", "instance", "host1");
        router.accept(List.of(disk));
        String id = tickAfter(Duration.ZERO).getFirst().groupId();

        assertThat(router.acked(id, "alice", clock.instant())).isTrue();

        assertThat(tickAfter(Duration.ofSeconds(10))).singleElement().isInstanceOfSatisfying(PostAction.Edit.class,
                edit -> assertThat(edit.reply().plainText()).contains("acked by: alice at 2026-11-05 10:00 UTC"));
        assertThat(router.group(id).orElseThrow().ackedBy()).isEqualTo("alice");
    }

    @Test
    void aGroupThatFiresAgainAfterResolvingIsNoLongerAcked() {
        Alert disk = firing(T0, "DiskFull", "instance", "host1");
        router.accept(List.of(disk));
        String id = tickAfter(Duration.ZERO).getFirst().groupId();
        router.acked(id, "alice", clock.instant());
        router.accept(List.of(resolved(T0, T0.plusSeconds(20), "DiskFull", "instance", "host1")));
        tickAfter(Duration.ofSeconds(30));

        assertThat(router.acked(id, "bob", clock.instant())).as("a closed group takes no ack").isFalse();
        router.accept(List.of(firing(T0.plusSeconds(60), "DiskFull", "instance", "host1")));

        assertThat(router.group(id).orElseThrow().ackedBy()).isNull();
        assertThat(router.acked("nosuch", "bob", clock.instant())).isFalse();
    }
}
