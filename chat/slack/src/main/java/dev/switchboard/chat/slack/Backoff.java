package dev.switchboard.chat.slack;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped, jittered exponential delays: {@code min} doubled per consecutive failure up to {@code max}, then a random
 * point in the upper half of that, so many bots failing together do not retry in step. {@code random} returns
 * values in [0, 1). Immutable; thread-safe if {@code random} is.
 */
record Backoff(Duration min, Duration max, DoubleSupplier random) {

    /** The delay after failure number {@code failures} (1 for the first). */
    Duration delay(int failures) {
        long capped = min.toMillis();
        for (int i = 1; i < failures && capped < max.toMillis(); i++) {
            capped *= 2;
        }
        capped = Math.min(capped, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
