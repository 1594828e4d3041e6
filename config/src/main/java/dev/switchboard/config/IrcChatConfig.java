package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code chat.irc}: one connection to an IRC server, as written in config and checked for shape and range (the app
 * maps it onto the IRC adapter's own settings, which check the rest). {@link #toString()} never shows a password.
 *
 * @param enabled whether the app connects (default true); a disabled section is still checked
 * @param host the server's host name (required)
 * @param port the server port (default 6697 with TLS, 6667 without)
 * @param tls connect with TLS (default true)
 * @param nick the bot's nick, also the mention it answers to (default {@code switchboard})
 * @param channels channels joined on every (re)connect, like {@code #ops} (default none)
 * @param saslAccount SASL PLAIN account, or null; set exactly when {@code saslPassword} is
 * @param saslPassword SASL PLAIN password from a reference, or null
 * @param serverPassword the server password ({@code PASS}) from a reference, or null
 * @param commandPrefix a channel line starting with this is for the bot (default {@code !}; empty for none)
 * @param answerMentions a channel line starting with {@code nick:} or {@code nick,} is for the bot (default true)
 * @param maxLineBytes UTF-8 bytes of text per line (50-480, default 400)
 * @param linesPerSecond steady outbound rate (default 2)
 * @param burst lines that may go out at once (default 5)
 * @param reconnectMin first reconnect delay (default 1s)
 * @param reconnectMax longest reconnect delay (default 60s)
 * @param sendTimeout how long a reply may wait, say through an outage, before it is reported undelivered (default 2m)
 * @param maxQueuedLines outbound lines held at most (default 5000)
 */
public record IrcChatConfig(
        boolean enabled, String host, int port, boolean tls, String nick, List<String> channels,
        String saslAccount, String saslPassword, String serverPassword, String commandPrefix, boolean answerMentions,
        int maxLineBytes, double linesPerSecond, int burst, Duration reconnectMin, Duration reconnectMax,
        Duration sendTimeout, int maxQueuedLines) {

    /** Every key {@code chat.irc} accepts, in the order the docs list them. */
    public static final List<String> KEYS = List.of("enabled", "host", "port", "tls", "nick", "channels",
            "saslAccount", "saslPassword", "serverPassword", "commandPrefix", "answerMentions", "maxLineBytes",
            "linesPerSecond", "burst", "reconnectMin", "reconnectMax", "sendTimeout", "maxQueuedLines");

    public IrcChatConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nick, "nick");
        channels = List.copyOf(channels);
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
    }

    @Override
    public String toString() {
        return "IrcChatConfig[" + (enabled ? "" : "disabled ") + host + ":" + port + (tls ? " tls" : "") + " nick="
                + nick + " channels=" + channels + (saslAccount == null ? "" : " sasl=" + saslAccount + "/***")
                + (serverPassword == null ? "" : " pass=***") + " prefix='" + commandPrefix + "']";
    }
}
