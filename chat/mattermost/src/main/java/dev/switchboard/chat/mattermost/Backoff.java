package dev.switchboard.chat.mattermost;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry and reconnect delays: {@code min} doubled per consecutive failed attempt up to {@code max}, then a random
 * point in the upper half of that, so many bots restarted together do not retry in step. {@code random} returns
 * values in [0, 1). Immutable and thread-safe if {@code random} is.
 */
record Backoff(Duration min, Duration max, DoubleSupplier random) {

    /** The delay before attempt number {@code attempt} (1 for the first retry). */
    Duration delay(int attempt) {
        long capped = min.toMillis();
        for (int i = 1; i < attempt && capped < max.toMillis(); i++) {
            capped *= 2;
        }
        capped = Math.min(capped, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }
}
