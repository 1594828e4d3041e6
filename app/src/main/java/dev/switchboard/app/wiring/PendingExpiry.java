package dev.switchboard.app.wiring;

import dev.switchboard.core.approval.ExpirySweeper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lapses confirmations and approvals nobody acted on, every {@code period}, on one daemon thread, so the requester
 * hears that nothing ran. (A lapsed request is refused on the spot anyway; this only decides how soon people are
 * told.) Closing stops it.
 */
final class PendingExpiry implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer;

    private PendingExpiry(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static PendingExpiry start(ExpirySweeper sweeper, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pending-expiry");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(sweeper::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new PendingExpiry(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
