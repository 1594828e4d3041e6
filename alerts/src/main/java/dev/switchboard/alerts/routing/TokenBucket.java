package dev.switchboard.alerts.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket kept as a "theoretical arrival time" (GCRA): integer arithmetic on instants, so a test clock gives
 * exact answers at second boundaries. Not thread-safe; the router guards it.
 */
final class TokenBucket {
    private final long interval;
    private final long tolerance;
    private Instant due;

    TokenBucket(RateBudget budget) {
        this.interval = budget.intervalNanos();
        this.tolerance = (budget.burst() - 1) * interval;
    }

    /** How many tokens could be taken at {@code now}. */
    int available(Instant now) {
        Instant base = due == null || due.isBefore(now) ? now : due;
        long slack = Duration.between(base, now).toNanos() + tolerance;
        return slack < 0 ? 0 : (int) (slack / interval) + 1;
    }

    /** Takes one token at {@code now}; the caller checked {@link #available}. */
    void take(Instant now) {
        Instant base = due == null || due.isBefore(now) ? now : due;
        due = base.plusNanos(interval);
    }
}
