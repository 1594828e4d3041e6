package dev.switchboard.chat.mattermost;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** What one call to the Mattermost REST API came to; the outbound queue decides per case whether to retry. */
sealed interface RestResult {

    /** 2xx, with the parsed body (an empty object when there was none). */
    record Ok(JsonNode body) implements RestResult {}

    /** 429: wait {@code retryAfter} (from {@code Retry-After} or {@code X-Ratelimit-Reset}) and try again. */
    record RateLimited(Duration retryAfter) implements RestResult {}

    /** 5xx, a timeout or a network error: worth retrying with backoff. {@code why} is user-safe. */
    record Unavailable(String why) implements RestResult {}

    /**
     * Any other 4xx: the request itself is wrong (or not allowed); retrying will not help. {@code errorId} is the
     * server's error id ({@code store.sql_channel.save_channel.exists.app_error}), empty when it gave none.
     */
    record Refused(int status, String why, String errorId) implements RestResult {}
}
