package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code chat.xmpp}: the bot's XMPP account and rooms, as written in config and checked for shape and range (the
 * app maps it onto the XMPP adapter's own settings, which check the rest). {@link #toString()} hides the password.
 *
 * @param enabled whether the app connects (default true); a disabled section is still checked
 * @param domain the XMPP service domain, lower case (required); the bot is {@code username@domain}
 * @param host where to connect (default: the domain; no DNS SRV lookup)
 * @param port the client-to-server port (default 5222)
 * @param username the bot account's local part (required)
 * @param password the account's password, from a reference (required)
 * @param resource the connection's resource (default {@code switchboard})
 * @param rooms multi-user chat rooms to join, bare JIDs in lower case (default none)
 * @param roomNick the bot's nick in rooms and the name mentions use (default: the username)
 * @param commandPrefix a room line starting with this is for the bot (default {@code !}; empty for none)
 * @param answerMentions a room line starting with {@code <roomNick>:}, {@code <roomNick>,} or {@code @<roomNick>} is
 *     for the bot (default true)
 * @param tls STARTTLS required (default), optional, or disabled (loopback hosts only)
 * @param reconnectMin first reconnect delay (default 1s)
 * @param reconnectMax longest reconnect delay (default 60s)
 * @param replyTimeout how long login and room joins may take (default 10s)
 * @param maxMessageLength longer replies are split into several messages (default 10000)
 * @param outboxCapacity message parts that may wait for a lost connection (default 1000)
 */
public record XmppChatConfig(
        boolean enabled, String domain, String host, int port, String username, String password, String resource,
        List<String> rooms, String roomNick, String commandPrefix, boolean answerMentions, Tls tls,
        Duration reconnectMin, Duration reconnectMax, Duration replyTimeout, int maxMessageLength,
        int outboxCapacity) {

    /** Every key {@code chat.xmpp} accepts, in the order the docs list them. */
    public static final List<String> KEYS = List.of("enabled", "domain", "host", "port", "username", "password",
            "resource", "rooms", "roomNick", "commandPrefix", "answerMentions", "tls", "reconnectMin", "reconnectMax",
            "replyTimeout", "maxMessageLength", "outboxCapacity");

    /** Transport security, written {@code required}, {@code optional} or {@code disabled}. */
    public enum Tls { REQUIRED, OPTIONAL, DISABLED }

    public XmppChatConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(resource, "resource");
        rooms = List.copyOf(rooms);
        Objects.requireNonNull(roomNick, "roomNick");
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
    }

    @Override
    public String toString() {
        return "XmppChatConfig[" + (enabled ? "" : "disabled ") + username + "@" + domain + "/" + resource + " via "
                + host + ":" + port + " tls=" + tls + " rooms=" + rooms + " password=***]";
    }
}
