package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static dev.switchboard.alerts.routing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.memory.InMemoryAlertGroupStore;
import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.SavedAlertGroup;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's groups saved and restored (a restart) and its routes replaced (a config reload). */
class AlertRouterStateTest {
    private static final Instant T0 = TestClock.DEFAULT_START; // a Thursday, 10:00 UTC

    private final TestClock clock = new TestClock();
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final InMemoryAlertGroupStore groups = new InMemoryAlertGroupStore();
    private final Route route = Route.of("ops", List.of(), List.of(OPS), GroupBy.labels("alertname"))
            .withTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(4));

    private AlertRouter router(Route fallback) {
        return new AlertRouter(new Routes(List.of(), fallback), RateBudget.ONE_PER_SECOND, clock, groups);
    }

    private void receive(AlertRouter router, Alert alert) {
        alerts.record(List.of(alert));
        router.accept(List.of(alert));
    }

    private String postFirst(AlertRouter router) {
        PostAction say = router.tick(clock.instant()).getFirst();
        assertThat(say).isInstanceOf(PostAction.Say.class);
        router.posted(say.groupId(), "msg-1");
        return say.groupId();
    }

    @Test
    void onlyGroupsThatChangedAreSavedAndForgottenOnesAreDeleted() {
        AlertRouter router = router(route);
        receive(router, firing(T0, "DiskFull", "instance", "host1"));
        String id = postFirst(router);

        assertThat(router.saveChanges()).isEqualTo(1);
        assertThat(router.saveChanges()).as("nothing changed since").isZero();
        assertThat(groups.all()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(id);
            assertThat(g.messageId()).isEqualTo("msg-1");
            assertThat(g.pending()).isFalse();
        });

        receive(router, resolved(T0, clock.advance(Duration.ofSeconds(2)), "DiskFull", "instance", "host1"));
        router.tick(clock.instant());
        router.saveChanges();
        assertThat(groups.all()).singleElement().extracting(SavedAlertGroup::closed).isEqualTo(true);

        router.tick(clock.advance(AlertRouter.CLOSED_RETENTION.plusMinutes(1)));
        assertThat(router.saveChanges()).isEqualTo(1);
        assertThat(groups.all()).isEmpty();
    }

    @Test
    void aRestoredGroupEditsItsMessageWhenAnotherAlertJoinsIt() {
        AlertRouter before = router(route);
        receive(before, firing(T0, "DiskFull", "instance", "host1"));
        String id = postFirst(before);
        before.saveChanges();

        AlertRouter after = router(route);
        assertThat(after.restore(alerts)).isEqualTo(1);
        receive(after, firing(clock.advance(Duration.ofSeconds(5)), "DiskFull", "instance", "host2"));

        assertThat(after.tick(clock.instant())).singleElement().isInstanceOfSatisfying(PostAction.Edit.class, e -> {
            assertThat(e.groupId()).isEqualTo(id);
            assertThat(e.message().messageId()).isEqualTo("msg-1");
            assertThat(e.reply().toString()).contains("host1").contains("host2");
        });
        assertThat(after.groupsOf(firing(T0, "DiskFull", "instance", "host1").fingerprint())).containsExactly(id);
    }

    @Test
    void aGroupWhosePostWasNotConfirmedIsPostedAgainAfterARestart() {
        AlertRouter before = router(route);
        receive(before, firing(T0, "DiskFull", "instance", "host1"));
        before.tick(clock.instant()); // said, but the message id never came back
        before.saveChanges();

        AlertRouter after = router(route);
        after.restore(alerts);

        assertThat(after.tick(clock.advance(Duration.ofSeconds(1)))).singleElement()
                .isInstanceOf(PostAction.Say.class);
    }

    @Test
    void aReloadKeepsGroupIdsAndMessagesAndAppliesTheNewRepeatInterval() {
        AlertRouter router = router(route);
        receive(router, firing(T0, "DiskFull", "instance", "host1"));
        String id = postFirst(router);

        router.reconfigure(new Routes(List.of(), route.withTiming(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofMinutes(10))), RateBudget.ONE_PER_SECOND);

        assertThat(router.tick(clock.advance(Duration.ofMinutes(9)))).isEmpty();
        assertThat(router.tick(clock.advance(Duration.ofMinutes(1)))).singleElement()
                .isInstanceOfSatisfying(PostAction.Say.class, say -> assertThat(say.groupId()).isEqualTo(id));
        assertThat(router.group(id)).isPresent();
    }

    @Test
    void reloadedQuietHoursHoldBackANewWarningButNotACriticalAlert() {
        AlertRouter router = router(route);
        QuietHours allDay = QuietHours.daily(LocalTime.of(9, 0), LocalTime.of(18, 0), ZoneOffset.UTC);

        router.reconfigure(new Routes(List.of(), route.withQuietHours(allDay)), RateBudget.ONE_PER_SECOND);
        receive(router, firing(T0, "DiskAlmostFull", "severity", "warning"));
        receive(router, firing(T0, "NodeDown", "severity", "critical"));

        assertThat(router.tick(clock.advance(Duration.ofSeconds(1)))).singleElement()
                .satisfies(a -> assertThat(a.reply().toString()).contains("NodeDown"));
        assertThat(router.tick(clock.advance(Duration.ofSeconds(5)))).isEmpty();
    }
}
