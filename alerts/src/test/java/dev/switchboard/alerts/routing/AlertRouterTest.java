package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static dev.switchboard.alerts.routing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.testkit.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grouping, de-duplication and the timing of posts and edits for one conversation, on a test clock. */
class AlertRouterTest {
    private static final Instant T0 = TestClock.DEFAULT_START; // a Thursday, 10:00 UTC
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration REPEAT = Duration.ofHours(4);

    private final TestClock clock = new TestClock();
    private Route route = Route.of("ops", List.of(), List.of(OPS), GroupBy.labels("alertname", "cluster"))
            .withTiming(WAIT, INTERVAL, REPEAT);
    private AlertRouter router = router();
    private int messages;

    private AlertRouter router() {
        return new AlertRouter(new Routes(List.of(), route), RateBudget.ONE_PER_SECOND, clock);
    }

    /** Ticks at the clock's time, confirming every Say with a new message id as the gateway would. */
    private List<PostAction> tick() {
        List<PostAction> actions = router.tick(clock.instant());
        for (PostAction action : actions) {
            if (action instanceof PostAction.Say say) {
                router.posted(say.groupId(), "m" + ++messages);
            }
        }
        return actions;
    }

    private List<PostAction> tickAt(Duration sinceStart) {
        clock.set(T0.plus(sinceStart));
        return tick();
    }

    @Test
    void alertsAreGroupedByTheRouteLabelsAndCountedOncePerFingerprint() {
        Alert pod1 = firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1");
        router.accept(List.of(pod1, firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p2"),
                firing(T0, "PodCrash", "cluster", "us-1", "pod", "p1"), pod1));
        router.accept(List.of(pod1));

        assertThat(router.groups()).extracting(g -> g.key().labels().get("cluster"), GroupState::firing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-1", 2L),
                        org.assertj.core.groups.Tuple.tuple("us-1", 1L));
        assertThat(router.groupsOf(pod1.fingerprint())).containsExactly(router.groups().getFirst().id());
    }

    @Test
    void groupIdsAreShortAndTheSameAfterARestart() {
        Alert alert = firing(T0, "PodCrash", "cluster", "eu-1");
        router.accept(List.of(alert));
        AlertRouter restarted = router();
        restarted.accept(List.of(alert));

        String id = router.groups().getFirst().id();
        assertThat(id).matches("[a-z][a-z0-9]{5}");
        assertThat(restarted.groups().getFirst().id()).isEqualTo(id);
    }

    @Test
    void aNewGroupWaitsForGroupWaitThenPostsEveryAlertThatJoinedMeanwhile() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1")));
        assertThat(tickAt(Duration.ofSeconds(10))).isEmpty();
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p2")));
        assertThat(tickAt(Duration.ofSeconds(29))).isEmpty();

        List<PostAction> actions = tickAt(WAIT);

        assertThat(actions).singleElement().isInstanceOfSatisfying(PostAction.Say.class, say -> {
            assertThat(say.conversation()).isEqualTo(OPS);
            assertThat(say.reply().plainText()).startsWith("PodCrash: 2 firing");
        });
    }

    @Test
    void changesAreEditedIntoTheMessageNoMoreOftenThanGroupInterval() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1")));
        tickAt(WAIT);
        clock.set(T0.plusSeconds(40));
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p2")));

        assertThat(tickAt(WAIT.plus(INTERVAL).minusSeconds(1))).isEmpty();
        List<PostAction> actions = tickAt(WAIT.plus(INTERVAL));

        assertThat(actions).singleElement().isInstanceOfSatisfying(PostAction.Edit.class, edit -> {
            assertThat(edit.message().messageId()).isEqualTo("m1");
            assertThat(edit.reply().plainText()).startsWith("PodCrash: 2 firing");
        });
        assertThat(tickAt(WAIT.plus(INTERVAL).plusSeconds(1))).isEmpty();
    }

    @Test
    void aResentAlertThatChangedNothingCausesNoEdit() {
        Alert pod = firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1");
        router.accept(List.of(pod));
        tickAt(WAIT);
        clock.set(T0.plus(Duration.ofMinutes(2)));
        router.accept(List.of(pod));

        assertThat(tickAt(WAIT.plus(INTERVAL).plus(INTERVAL))).isEmpty();
    }

    @Test
    void editsWaitUntilTheGatewayReportsTheMessageId() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1")));
        clock.set(T0.plus(WAIT));
        PostAction say = router.tick(clock.instant()).getFirst();
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p2")));

        assertThat(router.tick(T0.plus(WAIT).plus(INTERVAL))).isEmpty();
        router.posted(say.groupId(), "m9");
        assertThat(router.tick(T0.plus(WAIT).plus(INTERVAL).plusSeconds(1))).singleElement()
                .isInstanceOfSatisfying(PostAction.Edit.class, e -> assertThat(e.message().messageId()).isEqualTo("m9"));
    }

    @Test
    void aStillFiringGroupIsPostedAgainAsANewMessageAfterRepeatInterval() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1")));
        tickAt(WAIT);

        assertThat(tickAt(WAIT.plus(REPEAT).minusSeconds(1))).isEmpty();
        assertThat(tickAt(WAIT.plus(REPEAT))).singleElement().isInstanceOf(PostAction.Say.class);
        assertThat(messages).isEqualTo(2);
    }

    @Test
    void resolvingEveryAlertEditsTheMessageToResolvedOnceAndClosesTheGroup() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p1", "severity", "critical"),
                firing(T0, "PodCrash", "cluster", "eu-1", "pod", "p2", "severity", "critical")));
        tickAt(WAIT);
        clock.set(T0.plusSeconds(60));
        router.accept(List.of(resolved(T0, clock.instant(), "PodCrash", "cluster", "eu-1", "pod", "p1",
                "severity", "critical")));
        List<PostAction> partly = tickAt(WAIT.plus(INTERVAL));
        clock.set(T0.plus(Duration.ofMinutes(6)));
        router.accept(List.of(resolved(T0, clock.instant(), "PodCrash", "cluster", "eu-1", "pod", "p2",
                "severity", "critical")));

        List<PostAction> finished = tickAt(WAIT.plus(INTERVAL).plus(INTERVAL));

        assertThat(partly).singleElement().extracting(a -> a.reply().plainText()).asString()
                .startsWith("[CRITICAL] PodCrash: 1 firing, 1 resolved");
        assertThat(finished).singleElement().isInstanceOfSatisfying(PostAction.Edit.class, edit -> {
            assertThat(edit.reply().plainText()).startsWith("[RESOLVED] PodCrash: 2 resolved")
                    .doesNotContain("ack group");
        });
        assertThat(router.groups()).singleElement().extracting(GroupState::closed).isEqualTo(true);
        assertThat(tickAt(WAIT.plus(REPEAT).plus(REPEAT))).isEmpty();
    }

    @Test
    void aLateFiringDeliveryAfterTheResolveDoesNotReopenTheGroup() {
        Alert fired = firing(T0, "PodCrash", "cluster", "eu-1");
        router.accept(List.of(fired));
        tickAt(WAIT);
        clock.set(T0.plusSeconds(60));
        router.accept(List.of(resolved(T0, clock.instant(), "PodCrash", "cluster", "eu-1"), fired));

        assertThat(router.groups().getFirst().firing()).isZero();
        assertThat(tickAt(WAIT.plus(INTERVAL))).singleElement().extracting(a -> a.reply().plainText()).asString()
                .startsWith("[RESOLVED]");
    }

    @Test
    void aGroupThatResolvedBeforeItsFirstPostIsNeverPosted() {
        router.accept(List.of(firing(T0, "Blip", "cluster", "eu-1")));
        clock.set(T0.plusSeconds(5));
        router.accept(List.of(resolved(T0, clock.instant(), "Blip", "cluster", "eu-1")));

        assertThat(tickAt(WAIT)).isEmpty();
        assertThat(tickAt(REPEAT)).isEmpty();
    }

    @Test
    void quietHoursHoldNonCriticalPostsUntilTheyEndButNotCriticalOnes() {
        // Thursday 22:00 to Friday 07:00 in Berlin (UTC+1 in November): 21:00 to 06:00 UTC.
        route = route.withQuietHours(new QuietHours(Set.of(DayOfWeek.THURSDAY), LocalTime.of(22, 0),
                LocalTime.of(7, 0), ZoneId.of("Europe/Berlin"))).withTiming(WAIT, INTERVAL, Duration.ofHours(12));
        router = router();
        Instant night = Instant.parse("2026-11-05T23:00:00Z");
        clock.set(night);
        router.accept(List.of(firing(night, "DiskFilling", "cluster", "eu-1", "severity", "warning"),
                firing(night, "NodeDown", "cluster", "eu-1", "severity", "critical")));

        List<PostAction> atNight = new ArrayList<>();
        for (Instant t = night; t.isBefore(Instant.parse("2026-11-06T05:59:59Z")); t = t.plusSeconds(600)) {
            clock.set(t.plus(WAIT));
            atNight.addAll(tick());
        }
        clock.set(Instant.parse("2026-11-06T06:00:00Z"));
        List<PostAction> morning = tick();

        assertThat(atNight).singleElement().extracting(a -> a.reply().plainText()).asString()
                .startsWith("[CRITICAL] NodeDown");
        assertThat(morning).singleElement().extracting(a -> a.reply().plainText()).asString()
                .startsWith("[WARNING] DiskFilling");
    }

    @Test
    void aFailedPostIsPostedAgain() {
        router.accept(List.of(firing(T0, "PodCrash", "cluster", "eu-1")));
        clock.set(T0.plus(WAIT));
        PostAction say = router.tick(clock.instant()).getFirst();
        router.failed(say.groupId());

        assertThat(router.tick(T0.plus(WAIT).plusSeconds(1))).singleElement().isInstanceOf(PostAction.Say.class);
    }
}
