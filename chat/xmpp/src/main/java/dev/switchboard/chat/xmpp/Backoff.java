package dev.switchboard.chat.xmpp;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: {@code min} doubled per failed attempt up to {@code max}, each drawn at random from the upper
 * half of that step, so many adapters restarted together do not reconnect in lockstep. Immutable.
 */
record Backoff(Duration min, Duration max) {

    /** The delay before attempt {@code attempt} (0 for the first retry). */
    Duration delay(int attempt, RandomGenerator random) {
        long minMs = Math.max(1, min.toMillis());
        long maxMs = Math.max(minMs, max.toMillis());
        long step = Math.min(maxMs, minMs << Math.clamp(attempt, 0, 30));
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }
}
