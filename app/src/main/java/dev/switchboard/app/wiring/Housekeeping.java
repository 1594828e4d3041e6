package dev.switchboard.app.wiring;

import dev.switchboard.store.JdbcStorage;
import dev.switchboard.core.approval.ExpirySweeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic chores, on one daemon thread: lapse confirmations and approvals nobody acted on (every
 * {@link #EXPIRY_PERIOD}, so the requester hears that nothing ran; a lapsed request is refused on the spot anyway),
 * and forget inbound event ids and delivered or failed outbox rows older than {@link #KEEP} (every
 * {@link #PRUNE_PERIOD}). Closing stops it.
 */
final class Housekeeping implements AutoCloseable {
    static final Duration EXPIRY_PERIOD = Duration.ofSeconds(10);
    static final Duration PRUNE_PERIOD = Duration.ofHours(1);
    /** Platforms redeliver within minutes; a day is far beyond any retry window. */
    static final Duration KEEP = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService timer;

    private Housekeeping(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Housekeeping start(ExpirySweeper sweeper, JdbcStorage storage, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(sweeper::sweep, EXPIRY_PERIOD.toMillis(), EXPIRY_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> prune(storage, clock), 0, PRUNE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return new Housekeeping(timer);
    }

    private static void prune(JdbcStorage storage, Clock clock) {
        try {
            var before = clock.instant().minus(KEEP);
            int events = storage.inboundEvents().forgetBefore(before);
            int messages = storage.outbox().forgetBefore(before);
            log.debug("pruned {} inbound event ids and {} outbox rows older than {}", events, messages, before);
        } catch (RuntimeException e) {
            log.warn("could not prune old inbound events and outbox rows this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
