package dev.switchboard.chat.mattermost;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How {@link MattermostChatAdapter} connects and behaves. Immutable; start from {@link #of} and adjust with the
 * {@code with...} methods. The constructor checks every value and says what was wrong and what was expected.
 * {@link #toString()} never shows the bot token or the callback secret. The bot's own user id and username are not
 * configured: the adapter asks the server ({@code GET /api/v4/users/me}) on every connect.
 *
 * @param serverUrl the Mattermost site URL, like {@code https://chat.example.org} (http or https, no credentials)
 * @param botToken the bot account's access token (System Console, Integrations, Bot Accounts)
 * @param websocketUrl where the event WebSocket is; null derives it from {@code serverUrl}
 *        ({@code wss://chat.example.org/api/v4/websocket})
 * @param callbackUrl the public URL of Switchboard's {@code /mattermost/actions} endpoint that the Mattermost server
 *        calls when a button is clicked; null shows buttons as commands to type instead
 * @param callbackSecret shared secret put into each button and checked on its callback; at least 16 characters,
 *        non-null exactly when {@code callbackUrl} is
 * @param commandPrefix a channel post starting with this is addressed to the bot (e.g. {@code !}); empty for none.
 *        An {@code @mention} of the bot always addresses it; direct messages always do
 * @param replyInThreads a reply to a top-level channel post starts a thread under it (default true); replies to
 *        posts already in a thread always stay in it
 * @param maxPostLength the longest post in characters, at most the server's 16,383 (default); longer replies are
 *        split
 * @param postsPerSecond steady outbound rate per channel (default 2)
 * @param burst posts that may go out to one channel at once before the rate applies (default 5)
 * @param retryMin first retry delay after a 5xx or network error (default 250 ms); doubles per attempt, jittered
 * @param retryMax longest retry delay (default 10 s)
 * @param maxAttempts attempts per post on 5xx or network errors before the send fails (default 6); rate-limit
 *        answers (429) are waited out and bounded only by {@code sendTimeout}
 * @param sendTimeout how long a reply may wait in its channel's queue and retries before {@code send} gives up and
 *        reports it undelivered (default 2 min)
 * @param maxQueuedPosts posts waiting per channel at most; beyond that {@code send} fails at once (default 500)
 * @param reconnectMin first WebSocket reconnect delay (default 1 s); doubles per failed attempt, jittered
 * @param reconnectMax longest reconnect delay (default 60 s)
 * @param keepAlive how often the WebSocket is pinged (default 30 s); a failed ping, or no frame at all for 2.5 times
 *        this, counts as a dropped connection. Keep it below any proxy's idle timeout
 * @param team the name of the team (as in its URL, {@code ops} in {@code https://chat.example.org/ops/...}) that
 *        incident channels are created in; null (default) means the adapter offers no incident rooms
 */
public record MattermostSettings(
        URI serverUrl, String botToken, URI websocketUrl, URI callbackUrl, String callbackSecret,
        String commandPrefix, boolean replyInThreads, int maxPostLength, double postsPerSecond, int burst,
        Duration retryMin, Duration retryMax, int maxAttempts, Duration sendTimeout, int maxQueuedPosts,
        Duration reconnectMin, Duration reconnectMax, Duration keepAlive, String team) {

    /** Mattermost's own limit on a post's message, in characters. */
    public static final int SERVER_MAX_POST_LENGTH = 16_383;

    public MattermostSettings {
        require(serverUrl != null && isHttp(serverUrl) && serverUrl.getUserInfo() == null, "serverUrl",
                serverUrl == null ? null : safe(serverUrl), "an http(s) URL without credentials, like https://chat.example.org");
        serverUrl = URI.create(serverUrl.toString().replaceAll("/+$", ""));
        require(botToken != null && botToken.matches("[A-Za-z0-9_.-]{8,200}"), "botToken",
                botToken == null ? "missing" : "malformed", "the bot account's access token (letters and digits)");
        require(websocketUrl == null || isWebsocket(websocketUrl), "websocketUrl",
                websocketUrl == null ? null : safe(websocketUrl), "a ws:// or wss:// URL, or none to derive it");
        require(callbackUrl == null || isHttp(callbackUrl) && callbackUrl.getUserInfo() == null, "callbackUrl",
                callbackUrl == null ? null : safe(callbackUrl), "an http(s) URL of /mattermost/actions, or none");
        require((callbackUrl == null) == (callbackSecret == null), "callback",
                callbackUrl == null ? "a secret without a URL" : "a URL without a secret", "both or neither");
        require(callbackSecret == null || callbackSecret.length() >= 16, "callbackSecret", "too short",
                "at least 16 random characters");
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        require(commandPrefix.isEmpty() || !commandPrefix.isBlank() && !commandPrefix.startsWith("@"),
                "commandPrefix", "'" + commandPrefix + "'", "a non-blank prefix such as ! that is not a mention (or none)");
        require(maxPostLength >= 100 && maxPostLength <= SERVER_MAX_POST_LENGTH, "maxPostLength", maxPostLength,
                "100-" + SERVER_MAX_POST_LENGTH);
        require(postsPerSecond > 0 && postsPerSecond <= 1_000, "postsPerSecond", postsPerSecond, "more than 0, at most 1000");
        require(burst >= 1, "burst", burst, "at least 1");
        require(ordered(retryMin, retryMax), "retry delays", retryMin + ".." + retryMax, "0 < min <= max");
        require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", maxAttempts, "1-100");
        require(positive(sendTimeout), "sendTimeout", sendTimeout, "a positive duration");
        require(maxQueuedPosts >= 1, "maxQueuedPosts", maxQueuedPosts, "at least 1");
        require(ordered(reconnectMin, reconnectMax), "reconnect delays", reconnectMin + ".." + reconnectMax,
                "0 < min <= max");
        require(positive(keepAlive), "keepAlive", keepAlive, "a positive duration");
        require(team == null || team.matches("[a-z0-9][a-z0-9_-]{0,63}"), "team", "'" + team + "'",
                "the team's name as in its URL (lower-case letters, digits, - and _), or none");
    }

    /** The settings as they were before {@code team} existed: no incident rooms. */
    public MattermostSettings(
            URI serverUrl, String botToken, URI websocketUrl, URI callbackUrl, String callbackSecret,
            String commandPrefix, boolean replyInThreads, int maxPostLength, double postsPerSecond, int burst,
            Duration retryMin, Duration retryMax, int maxAttempts, Duration sendTimeout, int maxQueuedPosts,
            Duration reconnectMin, Duration reconnectMax, Duration keepAlive) {
        this(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix, replyInThreads,
                maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout, maxQueuedPosts,
                reconnectMin, reconnectMax, keepAlive, null);
    }

    /** Prefix {@code !}, threads on, no buttons callback, and the defaults documented on the record. */
    public static MattermostSettings of(URI serverUrl, String botToken) {
        return new MattermostSettings(serverUrl, botToken, null, null, null, "!", true, SERVER_MAX_POST_LENGTH, 2, 5,
                Duration.ofMillis(250), Duration.ofSeconds(10), 6, Duration.ofMinutes(2), 500,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30), null);
    }

    /** The WebSocket URL to use: the configured one or the one derived from the server URL. */
    public URI effectiveWebsocketUrl() {
        if (websocketUrl != null) {
            return websocketUrl;
        }
        String scheme = serverUrl.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(scheme + serverUrl.toString().substring(serverUrl.getScheme().length()) + "/api/v4/websocket");
    }

    public MattermostSettings withWebsocketUrl(URI url) {
        return new MattermostSettings(serverUrl, botToken, url, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withCallback(URI url, String secret) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, url, secret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withCommandPrefix(String prefix) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, prefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withReplyInThreads(boolean threads) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                threads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withMaxPostLength(int length) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, length, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withRate(double perSecond, int burstPosts) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, perSecond, burstPosts, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withRetries(Duration min, Duration max, int attempts) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, min, max, attempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withQueue(Duration timeout, int maxPosts) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, timeout,
                maxPosts, reconnectMin, reconnectMax, keepAlive, team);
    }

    public MattermostSettings withReconnect(Duration min, Duration max) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, min, max, keepAlive, team);
    }

    public MattermostSettings withKeepAlive(Duration every) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, every, team);
    }

    /** Incident rooms are created in {@code teamName} (its URL name, like {@code ops}); null turns them off. */
    public MattermostSettings withTeam(String teamName) {
        return new MattermostSettings(serverUrl, botToken, websocketUrl, callbackUrl, callbackSecret, commandPrefix,
                replyInThreads, maxPostLength, postsPerSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, teamName);
    }

    @Override
    public String toString() {
        return "MattermostSettings[" + serverUrl + " token=***"
                + (websocketUrl == null ? "" : " websocket=" + websocketUrl)
                + (callbackUrl == null ? " buttons=off" : " callback=" + callbackUrl + " secret=***")
                + " prefix='" + commandPrefix + "' threads=" + replyInThreads + " maxPostLength=" + maxPostLength
                + " rate=" + postsPerSecond + "/s burst=" + burst + " retry=" + retryMin + ".." + retryMax + " x"
                + maxAttempts + " sendTimeout=" + sendTimeout + " maxQueuedPosts=" + maxQueuedPosts
                + " reconnect=" + reconnectMin + ".." + reconnectMax + " keepAlive=" + keepAlive
                + (team == null ? " rooms=off" : " team=" + team) + "]";
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static boolean isWebsocket(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null && uri.getUserInfo() == null;
    }

    /** A URL as it may be shown: without user info, which could hold a password. */
    private static String safe(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.getScheme() + "://***@" + uri.getHost();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static boolean ordered(Duration min, Duration max) {
        return positive(min) && positive(max) && min.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String what, Object got, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("Mattermost setting " + what + " is " + got + "; expected " + expected);
        }
    }
}
