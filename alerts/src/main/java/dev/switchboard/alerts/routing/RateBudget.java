package dev.switchboard.alerts.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one conversation may be posted to: a token bucket refilled with {@code postsPerSecond} tokens a second,
 * holding at most {@code burst}. Every post <b>and every edit</b> takes one token (platforms such as Slack count
 * both against the channel's limit). When more new groups are ready than can be posted within {@code maxDelay},
 * they are folded into one summary message for the conversation instead of queueing. Immutable.
 *
 * <p>With {@code burst} 1, two actions in one conversation are always at least {@code 1/postsPerSecond} apart; a
 * larger burst allows that many back to back after a quiet spell.
 */
public record RateBudget(double postsPerSecond, int burst, Duration maxDelay) {
    /** One post or edit a second, no burst, fold after 5 s of queueing: Slack's per-channel limit. */
    public static final RateBudget ONE_PER_SECOND = new RateBudget(1.0, 1, Duration.ofSeconds(5));

    public RateBudget {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (!(postsPerSecond > 0) || postsPerSecond > 1_000) {
            throw new IllegalArgumentException("postsPerSecond must be above 0 and at most 1000, got "
                    + postsPerSecond);
        }
        if (burst < 1 || burst > 100) {
            throw new IllegalArgumentException("burst must be between 1 and 100, got " + burst);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must be zero or more, got " + maxDelay);
        }
    }

    /** How many posts may wait for tokens before groups fold into a summary. */
    int queueable() {
        return (int) Math.floor(postsPerSecond * maxDelay.toNanos() / 1e9);
    }

    /** Nanoseconds between tokens. */
    long intervalNanos() {
        return Math.round(1e9 / postsPerSecond);
    }
}
