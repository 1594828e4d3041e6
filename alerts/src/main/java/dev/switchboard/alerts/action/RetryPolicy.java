package dev.switchboard.alerts.action;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how long to retry a rate-limited (429) or failing (5xx, unreachable) call: at most
 * {@code maxAttempts} attempts in all; before retry {@code n} (from 1) wait {@code firstBackoff * 2^(n-1)}, capped
 * at {@code maxBackoff}, of which a random half is jitter (so replicas do not retry in step). A {@code Retry-After}
 * the service sends replaces the backoff, but one longer than {@code maxRetryAfter} ends the retries at once.
 * Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10, got " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "backoffs must be 0 or more, with maxBackoff at least firstBackoff: " + this);
        }
    }

    /** 4 attempts, 500 ms doubling up to 8 s, a {@code Retry-After} of up to 30 s honoured. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
    }

    /** The wait before retry {@code retry} (1 for the first retry) without a {@code Retry-After}. */
    Duration backoff(int retry, RandomGenerator random) {
        long ceiling = maxBackoff.toMillis();
        long full = firstBackoff.toMillis();
        for (int i = 1; i < retry && full < ceiling; i++) {
            full *= 2;
        }
        full = Math.min(full, ceiling);
        long half = full / 2;
        return Duration.ofMillis(full - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
