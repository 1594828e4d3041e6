package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static dev.switchboard.alerts.routing.TestAlerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link AlertRouter#tick()} reads the time once it holds the router's lock, so a tick that waited behind a webhook
 * storing a large batch charges the rate budget at the time it really posts.
 */
class AlertRouterClockTest {
    private final TestClock clock = new TestClock();
    private final AlertRouter router = new AlertRouter(new Routes(List.of(), Route.of("ops", List.of(), List.of(OPS),
            GroupBy.labels("alertname")).withTiming(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(4))),
            RateBudget.ONE_PER_SECOND, clock);

    @Test
    void aTickThatWaitedForTheLockPostsAtTheTimeItGotIt() throws Exception {
        Instant t0 = clock.instant();
        router.accept(List.of(firing(t0, "DiskFull")));
        assertThat(router.tick()).hasSize(1);
        router.accept(List.of(firing(t0, "PodCrash")));

        CompletableFuture<List<PostAction>> waiting = new CompletableFuture<>();
        synchronized (router) {
            Thread ticker = Thread.ofPlatform().start(() -> waiting.complete(router.tick()));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ticker.getState() != Thread.State.BLOCKED && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(ticker.getState()).as("the tick waits for the lock").isEqualTo(Thread.State.BLOCKED);
            clock.advance(Duration.ofSeconds(1)); // a second passes while a batch is being accepted
        }

        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the budget allows the second post a second later")
                .singleElement().isInstanceOf(PostAction.Say.class);
    }
}
