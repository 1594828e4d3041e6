package dev.switchboard.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code chat.mattermost}: the Mattermost server, the bot account's token and how the bot behaves, as written in
 * config and checked for shape and range (the app maps it onto the Mattermost adapter's own settings, which check
 * the rest). The token and the callback secret come from references only; {@link #toString()} hides them.
 *
 * @param enabled whether the app connects (default true); a disabled section is still checked
 * @param serverUrl the Mattermost site URL, like {@code https://chat.example.org} (required)
 * @param botToken the bot account's access token (required)
 * @param websocketUrl the event WebSocket, or null to derive it from {@code serverUrl} (set only behind unusual
 *     proxies, and in tests)
 * @param callbackUrl the public URL of Switchboard's {@code POST /mattermost/actions}, which the Mattermost server
 *     calls when a button is clicked; null shows buttons as commands to type. Set exactly when
 *     {@code callbackSecret} is
 * @param callbackSecret the shared secret put into each button and checked on its callback (at least 16
 *     characters), or null
 * @param commandPrefix a channel post starting with this is for the bot (default {@code !}; empty: mentions only)
 * @param replyInThreads a reply to a top-level channel post starts a thread under it (default true)
 * @param maxPostLength longer replies are split (100-16383, default 16383)
 * @param postsPerSecond steady outbound rate per channel (default 2)
 * @param burst posts that may go out to one channel at once (default 5)
 * @param retryMin first retry delay after a 5xx or network error (default 250ms)
 * @param retryMax longest retry delay (default 10s)
 * @param maxAttempts attempts per post on 5xx or network errors (1-100, default 6)
 * @param sendTimeout how long a reply may wait, queue and retries included, before it is reported undelivered
 *     (default 2m)
 * @param maxQueuedPosts posts waiting per channel at most (default 500)
 * @param reconnectMin first WebSocket reconnect delay (default 1s)
 * @param reconnectMax longest reconnect delay (default 60s)
 * @param keepAlive how often the WebSocket is pinged (default 30s)
 * @param team the team incident channels are created in, by its URL name ({@code ops}); null (default): no
 *     incident channels on Mattermost
 */
public record MattermostChatConfig(
        boolean enabled, URI serverUrl, String botToken, URI websocketUrl, URI callbackUrl, String callbackSecret,
        String commandPrefix, boolean replyInThreads, int maxPostLength, double postsPerSecond, int burst,
        Duration retryMin, Duration retryMax, int maxAttempts, Duration sendTimeout, int maxQueuedPosts,
        Duration reconnectMin, Duration reconnectMax, Duration keepAlive, String team) {

    /** Every key {@code chat.mattermost} accepts, in the order the docs list them. */
    public static final List<String> KEYS = List.of("enabled", "serverUrl", "botToken", "websocketUrl",
            "callbackUrl", "callbackSecret", "commandPrefix", "replyInThreads", "maxPostLength", "postsPerSecond",
            "burst", "retryMin", "retryMax", "maxAttempts", "sendTimeout", "maxQueuedPosts", "reconnectMin",
            "reconnectMax", "keepAlive", "team");

    /** Mattermost's own limit on a post, in characters. */
    public static final int SERVER_MAX_POST_LENGTH = 16_383;

    public MattermostChatConfig {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(botToken, "botToken");
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(keepAlive, "keepAlive");
    }

    /** The section as it was before {@code team} existed: no incident channels. */
    public MattermostChatConfig(
            boolean enabled, URI serverUrl, String botToken, URI websocketUrl, URI callbackUrl, String callbackSecret,
            String commandPrefix, boolean replyInThreads, int maxPostLength, double postsPerSecond, int burst,
            Duration retryMin, Duration retryMax, int maxAttempts, Duration sendTimeout, int maxQueuedPosts,
            Duration reconnectMin, Duration reconnectMax, Duration keepAlive) {
        this(enabled, serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix, replyInThreads,
                maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout, maxQueuedPosts,
                reconnectMin, reconnectMax, keepAlive, null);
    }

    /** Whether buttons are on: Mattermost then posts clicks to {@code /mattermost/actions}. */
    public boolean buttons() {
        return callbackUrl != null;
    }

    @Override
    public String toString() {
        return "MattermostChatConfig[" + (enabled ? "" : "disabled ") + serverUrl + " botToken=***"
                + (websocketUrl == null ? "" : " websocket=" + websocketUrl)
                + (callbackUrl == null ? " buttons=off" : " callback=" + callbackUrl + " secret=***")
                + " prefix='" + commandPrefix + "' threads=" + replyInThreads + (team == null ? "" : " team=" + team)
                + "]";
    }
}
