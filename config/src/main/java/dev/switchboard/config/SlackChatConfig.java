package dev.switchboard.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code chat.slack}: the Slack app's tokens and how events arrive, as written in config and checked for shape and
 * range (the app maps it onto the Slack adapter's own settings). Tokens and the signing secret come from references
 * only; {@link #toString()} hides them.
 *
 * @param enabled whether the app connects (default true); a disabled section is still checked
 * @param mode {@code socket} (default: Socket Mode, no public URL needed) or {@code http} (Slack posts to
 *     {@code /slack/events} and {@code /slack/interactions})
 * @param botToken the bot token, {@code xoxb-...} (required)
 * @param appToken the app-level token, {@code xapp-...} (required in socket mode, else null)
 * @param signingSecret the app's signing secret (required in http mode; optional in socket mode, where it lets the
 *     HTTP routes take signed requests too), or null
 * @param apiBaseUrl the Web API prefix (default {@code https://slack.com/api/}); tests point it at a fake
 * @param commandPrefix a channel message starting with this is for the bot (default {@code !}; empty: mentions only)
 * @param messagesPerSecond most messages per channel per second (default 1)
 * @param maxTextLength longer replies are uploaded as a file (100-40000, default 3000)
 * @param reconnectMin first Socket Mode reconnect delay (default 1s)
 * @param reconnectMax longest reconnect delay (default 60s)
 * @param sendAttempts tries per Web API call on 429, 5xx or network errors (1-100, default 6)
 * @param sendTimeout how long one send may take, queue wait included (default 2m)
 */
public record SlackChatConfig(
        boolean enabled, Mode mode, String botToken, String appToken, String signingSecret, URI apiBaseUrl,
        String commandPrefix, double messagesPerSecond, int maxTextLength, Duration reconnectMin,
        Duration reconnectMax, int sendAttempts, Duration sendTimeout) {

    /** Every key {@code chat.slack} accepts, in the order the docs list them. */
    public static final List<String> KEYS = List.of("enabled", "mode", "botToken", "appToken", "signingSecret",
            "apiBaseUrl", "commandPrefix", "messagesPerSecond", "maxTextLength", "reconnectMin", "reconnectMax",
            "sendAttempts", "sendTimeout");

    /** Slack's own Web API. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");

    /** How events reach Switchboard. */
    public enum Mode { SOCKET, HTTP }

    public SlackChatConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
    }

    @Override
    public String toString() {
        return "SlackChatConfig[" + (enabled ? "" : "disabled ") + "mode=" + mode + " api=" + apiBaseUrl
                + " botToken=***" + (appToken == null ? "" : " appToken=***")
                + (signingSecret == null ? "" : " signingSecret=***") + " prefix='" + commandPrefix + "']";
    }
}
