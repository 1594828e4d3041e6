package dev.switchboard.chat.slack;

import java.time.Duration;

/**
 * How one Web API call ended. Slack's expected failures are values the caller switches over: rate limited (wait
 * {@code retryAfter}, then try again), unavailable (5xx or network; back off and try again), refused (Slack
 * answered {@code ok: false}; trying again will not help).
 */
sealed interface ApiOutcome<T> {
    /** The call succeeded with {@code value}. */
    record Done<T>(T value) implements ApiOutcome<T> {}

    /** HTTP 429: Slack asked to wait {@code retryAfter} before the next call of this kind. */
    record RateLimited<T>(Duration retryAfter) implements ApiOutcome<T> {}

    /** A 5xx answer or a network failure; {@code reason} is safe to show (no token, no URL). */
    record Unavailable<T>(String reason) implements ApiOutcome<T> {}

    /** Slack refused the call ({@code ok: false}), e.g. {@code channel_not_found}, {@code invalid_auth}. */
    record Refused<T>(String error) implements ApiOutcome<T> {}
}
