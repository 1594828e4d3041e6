package dev.switchboard.api.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit that applies to one request: at most {@code count} runs per {@code per} for each user, counted
 * under {@code key} (the rule's own, so every command a rule covers shares its budget).
 */
public record RateLimit(String rule, String key, int count, Duration per) {
    public RateLimit {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(per, "per");
        if (count < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and period");
        }
    }
}
