package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.INCIDENTS;
import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-conversation budget: burst, one token a second, folding only when the queue would be too long. */
class RateBudgetTest {
    private static final Instant T0 = TestClock.DEFAULT_START;

    @Test
    void aBurstAllowsThatManyBackToBackThenOneASecond() {
        TokenBucket bucket = new TokenBucket(new RateBudget(1.0, 3, Duration.ZERO));
        assertThat(bucket.available(T0)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            bucket.take(T0);
        }
        assertThat(bucket.available(T0.plusMillis(999))).isZero();
        assertThat(bucket.available(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(bucket.available(T0.plusSeconds(10))).isEqualTo(3);
    }

    private static List<PostAction> run(AlertRouter router, TestClock clock, Duration until) {
        List<PostAction> actions = new ArrayList<>();
        for (Instant t = T0; !t.isAfter(T0.plus(until)); t = t.plusMillis(250)) {
            clock.set(t);
            for (PostAction action : router.tick(t)) {
                actions.add(action);
                router.posted(action.groupId(), "m" + actions.size());
            }
        }
        return actions;
    }

    private static List<Alert> groups(int count) {
        List<Alert> alerts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            alerts.add(firing(T0, "Alert" + n, "severity", "warning"));
        }
        return alerts;
    }

    private static AlertRouter router(TestClock clock, List<Route> routes) {
        Route fallback = Route.of("default", List.of(), List.of(ConversationRef.of("web", "#unrouted")),
                GroupBy.nothing());
        return new AlertRouter(new Routes(routes, fallback), RateBudget.ONE_PER_SECOND, clock);
    }

    private static Route route(String name, ConversationRef to) {
        return Route.of(name, List.of(), List.of(to), GroupBy.labels("alertname"))
                .withTiming(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(4)).withContinue(true);
    }

    @Test
    void aFewGroupsPostOneASecondEachButManyFoldIntoOneSummary() {
        TestClock clock = new TestClock();
        AlertRouter few = router(clock, List.of(route("ops", OPS)));
        few.accept(groups(6));
        List<PostAction> individually = run(few, clock, Duration.ofSeconds(10));

        AlertRouter many = router(clock, List.of(route("ops", OPS)));
        clock.set(T0);
        many.accept(groups(7));
        List<PostAction> folded = run(many, clock, Duration.ofSeconds(10));

        assertThat(individually).hasSize(6).allMatch(a -> !a.groupId().startsWith("s-"));
        assertThat(folded).singleElement().satisfies(a ->
                assertThat(a.reply().plainText()).startsWith("7 alerts firing: 1 × Alert0"));
    }

    @Test
    void eachConversationHasItsOwnBucket() {
        TestClock clock = new TestClock();
        AlertRouter router = router(clock, List.of(route("ops", OPS),
                route("incidents", INCIDENTS)));
        router.accept(groups(1));

        List<PostAction> atOnce = router.tick(T0);

        assertThat(atOnce).extracting(PostAction::conversation).containsExactlyInAnyOrder(OPS, INCIDENTS);
    }
}
