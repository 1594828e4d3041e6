package dev.switchboard.core.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code first * 2^(n-1)}, capped at {@code max}, so replicas retrying after one outage spread out instead of
 * hitting the platform together. Immutable; thread-safe if the random generator is.
 */
record Backoff(Duration first, Duration max, RandomGenerator random) {
    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got first " + first + ", max " + max);
        }
    }

    /** How long to wait after the {@code attempt}-th failed attempt (1 for the first). */
    Duration after(int attempt) {
        long firstMillis = first.toMillis();
        int doublings = Math.clamp(attempt - 1, 0, 40);
        long ceiling = firstMillis > max.toMillis() >> doublings ? max.toMillis() : firstMillis << doublings;
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
    }
}
