package dev.switchboard.chat.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SlackChatAdapter} reaches Slack. Immutable; start from {@link #socketMode} or {@link #httpEvents} and
 * adjust with the {@code with...} methods. The constructor checks every value and says what was wrong and what was
 * expected, never showing a token. {@link #toString()} hides every token and the signing secret.
 *
 * @param botToken the bot token ({@code xoxb-...}) for the Web API; never null
 * @param appToken the app-level token ({@code xapp-...}, scope {@code connections:write}); required in
 *        {@link Mode#SOCKET}, null otherwise allowed
 * @param signingSecret the app's signing secret, checking requests in {@link Mode#HTTP}; required there
 * @param mode how events arrive: a Socket Mode WebSocket (default) or HTTP requests the server module mounts
 * @param apiBaseUrl the Web API prefix, {@code https://slack.com/api/} unless a test points it at a fake; ends in /
 * @param commandPrefix a channel message starting with this is addressed to the bot (e.g. {@code !}); empty for
 *        mentions only. Direct messages and mentions are always addressed to the bot.
 * @param messagesPerSecond most messages posted per channel per second (Slack allows about 1; default 1)
 * @param maxTextLength longest reply text posted as a message; longer replies become a file (default 3,000,
 *        Slack's limit for one section)
 * @param reconnectMin first Socket Mode reconnect delay (default 1 s); doubles per failed attempt, with jitter
 * @param reconnectMax longest reconnect delay (default 60 s)
 * @param sendAttempts how often one Web API call is tried on 5xx, network errors or 429 before the send fails
 *        (default 6)
 * @param sendTimeout how long a reply may wait in its channel's queue and retries before the send fails
 *        (default 2 min)
 * @param keepAlive Socket Mode: the WebSocket is pinged this often, and a connection whose server has not answered
 *        a ping for 1.5 times this long is closed and replaced (default 30 s; whole seconds, 1 s to 1 h)
 */
public record SlackSettings(
        String botToken, String appToken, String signingSecret, Mode mode, URI apiBaseUrl, String commandPrefix,
        double messagesPerSecond, int maxTextLength, Duration reconnectMin, Duration reconnectMax, int sendAttempts,
        Duration sendTimeout, Duration keepAlive) {

    /** Slack's own Web API. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    /** How events reach the adapter. */
    public enum Mode {
        /** The adapter opens a Socket Mode WebSocket; no public URL is needed. */
        SOCKET,
        /** Slack posts to {@code /slack/events} and {@code /slack/interactions}, mounted by the server module. */
        HTTP
    }

    public SlackSettings {
        require(botToken != null && botToken.startsWith("xoxb-") && botToken.length() > 10, "bot token",
                describe(botToken), "a bot token starting with xoxb-");
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.SOCKET) {
            require(appToken != null && appToken.startsWith("xapp-") && appToken.length() > 10, "app token",
                    describe(appToken), "an app-level token starting with xapp- (Socket Mode needs one)");
        }
        if (mode == Mode.HTTP) {
            require(signingSecret != null && signingSecret.length() >= 8, "signing secret", describe(signingSecret),
                    "the app's signing secret (the HTTP Events API needs it to check requests)");
        }
        require(apiBaseUrl != null && apiBaseUrl.isAbsolute() && apiBaseUrl.toString().endsWith("/")
                && ("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme())),
                "API base URL", apiBaseUrl, "an http(s) URL ending in /, like " + SLACK_API);
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        require(commandPrefix.isEmpty() || !commandPrefix.isBlank(), "command prefix", "'" + commandPrefix + "'",
                "a non-blank prefix such as ! (or none)");
        require(messagesPerSecond > 0 && messagesPerSecond <= 1_000, "messages per second", messagesPerSecond,
                "more than 0 (Slack allows about 1 per channel)");
        require(maxTextLength >= 100 && maxTextLength <= 40_000, "max text length", maxTextLength, "100-40000");
        require(positive(reconnectMin) && positive(reconnectMax) && reconnectMin.compareTo(reconnectMax) <= 0,
                "reconnect delays", reconnectMin + ".." + reconnectMax, "0 < min <= max");
        require(sendAttempts >= 1 && sendAttempts <= 100, "send attempts", sendAttempts, "1-100");
        require(positive(sendTimeout), "send timeout", sendTimeout, "a positive duration");
        require(keepAlive != null && keepAlive.toNanos() % 1_000_000_000L == 0 && keepAlive.toSeconds() >= 1
                && keepAlive.toSeconds() <= 3_600, "keep-alive", keepAlive, "whole seconds from 1 s to 1 h");
    }

    /** The settings as they were before {@code keepAlive} existed, with {@link #DEFAULT_KEEP_ALIVE}. */
    public SlackSettings(
            String botToken, String appToken, String signingSecret, Mode mode, URI apiBaseUrl, String commandPrefix,
            double messagesPerSecond, int maxTextLength, Duration reconnectMin, Duration reconnectMax,
            int sendAttempts, Duration sendTimeout) {
        this(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix, messagesPerSecond, maxTextLength,
                reconnectMin, reconnectMax, sendAttempts, sendTimeout, DEFAULT_KEEP_ALIVE);
    }

    /** Socket Mode with the defaults documented on the record and command prefix {@code !}. */
    public static SlackSettings socketMode(String botToken, String appToken) {
        return new SlackSettings(botToken, appToken, null, Mode.SOCKET, SLACK_API, "!", 1, 3_000,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofMinutes(2), DEFAULT_KEEP_ALIVE);
    }

    /** The HTTP Events API with the defaults documented on the record and command prefix {@code !}. */
    public static SlackSettings httpEvents(String botToken, String signingSecret) {
        return new SlackSettings(botToken, null, signingSecret, Mode.HTTP, SLACK_API, "!", 1, 3_000,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofMinutes(2), DEFAULT_KEEP_ALIVE);
    }

    public SlackSettings withApiBaseUrl(URI url) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, url, commandPrefix, messagesPerSecond,
                maxTextLength, reconnectMin, reconnectMax, sendAttempts, sendTimeout, keepAlive);
    }

    /** Also accept signed HTTP requests (for example interactions) while in Socket Mode. */
    public SlackSettings withSigningSecret(String secret) {
        return new SlackSettings(botToken, appToken, secret, mode, apiBaseUrl, commandPrefix, messagesPerSecond,
                maxTextLength, reconnectMin, reconnectMax, sendAttempts, sendTimeout, keepAlive);
    }

    public SlackSettings withCommandPrefix(String prefix) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, prefix, messagesPerSecond,
                maxTextLength, reconnectMin, reconnectMax, sendAttempts, sendTimeout, keepAlive);
    }

    public SlackSettings withRate(double perSecondPerChannel) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix,
                perSecondPerChannel, maxTextLength, reconnectMin, reconnectMax, sendAttempts, sendTimeout, keepAlive);
    }

    public SlackSettings withMaxTextLength(int length) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix,
                messagesPerSecond, length, reconnectMin, reconnectMax, sendAttempts, sendTimeout, keepAlive);
    }

    public SlackSettings withReconnect(Duration min, Duration max) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix,
                messagesPerSecond, maxTextLength, min, max, sendAttempts, sendTimeout, keepAlive);
    }

    public SlackSettings withSendLimits(int attempts, Duration timeout) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix,
                messagesPerSecond, maxTextLength, reconnectMin, reconnectMax, attempts, timeout, keepAlive);
    }

    public SlackSettings withKeepAlive(Duration interval) {
        return new SlackSettings(botToken, appToken, signingSecret, mode, apiBaseUrl, commandPrefix,
                messagesPerSecond, maxTextLength, reconnectMin, reconnectMax, sendAttempts, sendTimeout, interval);
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + " api=" + apiBaseUrl + " botToken=xoxb-***"
                + (appToken == null ? "" : " appToken=xapp-***") + (signingSecret == null ? "" : " signingSecret=***")
                + " prefix='" + commandPrefix + "' rate=" + messagesPerSecond + "/s per channel maxTextLength="
                + maxTextLength + " reconnect=" + reconnectMin + ".." + reconnectMax + " sendAttempts=" + sendAttempts
                + " sendTimeout=" + sendTimeout + " keepAlive=" + keepAlive + "]";
    }

    /** What a secret looks like in an error message: only whether it is there and how it starts. */
    private static String describe(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "missing";
        }
        int dash = secret.indexOf('-');
        return dash > 0 && dash <= 5 ? "'" + secret.substring(0, dash + 1) + "***'" : "a value of another kind";
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String what, Object got, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("Slack setting " + what + " is " + got + "; expected " + expected);
        }
    }
}
