package dev.switchboard.chat.xmpp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link XmppChatAdapter} connects and what it answers to. Immutable; build one with {@link #builder}, which
 * fills in the defaults named on each component. The compact constructor checks every value and throws
 * {@link IllegalArgumentException} saying what was wrong and what was expected; no message ever contains the
 * password, and {@link #toString()} hides it.
 *
 * @param domain the XMPP service domain, e.g. {@code example.org}; the bot is {@code username@domain}
 * @param host where to connect (default: the domain); no DNS SRV lookup is made
 * @param port the client-to-server port (default 5222)
 * @param username the bot account's local part, e.g. {@code switchboard}
 * @param password the account's password
 * @param resource the resource of the bot's connection (default {@code switchboard})
 * @param rooms the multi-user chat rooms to join, as bare JIDs ({@code ops@conference.example.org}), lower case
 * @param roomNick the bot's nickname in rooms, also what a mention must name (default: the username)
 * @param commandPrefix a room message starting with this is addressed to the bot (default {@code !}); null or
 *     empty for none
 * @param answerMentions whether a room message starting with {@code <roomNick>:} or {@code <roomNick>,} or
 *     {@code @<roomNick>} is addressed to the bot (default true)
 * @param tls whether the connection must, may or must not use STARTTLS (default {@link TlsMode#REQUIRED})
 * @param reconnectMin the first reconnect delay (default 1 s); later ones double up to {@code reconnectMax}
 * @param reconnectMax the longest reconnect delay (default 60 s)
 * @param replyTimeout how long to wait for the server to answer a login or room join (default 10 s)
 * @param maxMessageLength longer replies are split into several messages of at most this many characters
 *     (default 10,000; XMPP has no hard limit, but servers cap stanza size)
 * @param outboxCapacity how many replies may wait for a lost connection to come back (default 1,000)
 */
public record XmppSettings(
        String domain, String host, int port, String username, String password, String resource,
        List<String> rooms, String roomNick, String commandPrefix, boolean answerMentions, TlsMode tls,
        Duration reconnectMin, Duration reconnectMax, Duration replyTimeout, int maxMessageLength,
        int outboxCapacity) {

    /** Transport security of the client connection. */
    public enum TlsMode {
        /** STARTTLS is required; a server without it is refused. The right choice for any real server. */
        REQUIRED,
        /** STARTTLS when the server offers it, plain TCP otherwise. */
        OPTIONAL,
        /** Plain TCP; only allowed to a loopback host (tests), because the password would cross the network. */
        DISABLED
    }

    private static final Pattern LOCALPART = Pattern.compile("[^\\s@/\"&'<>:]{1,1023}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252}[a-z0-9])?");
    private static final Pattern ROOM = Pattern.compile("[^\\s@/\"&'<>:]{1,1023}@[a-z0-9]([a-z0-9.-]{0,252}[a-z0-9])?");

    public XmppSettings {
        domain = lower(require(domain, "domain", "the XMPP service domain, like example.org"));
        check(DOMAIN.matcher(domain).matches(), "domain '" + domain + "' is not a domain name; expected one like example.org");
        host = host == null || host.isBlank() ? domain : host.strip();
        check(port > 0 && port < 65_536, "port " + port + " is out of range; expected 1 to 65535 (usually 5222)");
        username = require(username, "username", "the bot account's local part, like switchboard");
        check(LOCALPART.matcher(username).matches(), "username '" + username
                + "' is not a JID local part; expected a name like switchboard, without @, / or spaces");
        check(password != null && !password.isEmpty(), "password is empty; expected the bot account's password");
        resource = resource == null || resource.isBlank() ? "switchboard" : resource.strip();
        rooms = rooms == null ? List.of() : rooms.stream().map(r -> lower(require(r, "room", "a room JID"))).toList();
        for (String room : rooms) {
            check(ROOM.matcher(room).matches(), "room '" + room
                    + "' is not a room JID; expected one like ops@conference.example.org");
        }
        check(rooms.stream().distinct().count() == rooms.size(), "rooms " + rooms + " name a room twice");
        roomNick = roomNick == null || roomNick.isBlank() ? username : roomNick.strip();
        commandPrefix = commandPrefix == null || commandPrefix.isBlank() ? null : commandPrefix.strip();
        check(commandPrefix != null || answerMentions || rooms.isEmpty(),
                "with neither a command prefix nor mentions nothing said in a room could reach the bot; "
                        + "set commandPrefix (like !) or answerMentions");
        Objects.requireNonNull(tls, "tls");
        check(tls != TlsMode.DISABLED || loopback(host), "tls DISABLED is only allowed for a loopback host, not '"
                + host + "'; use REQUIRED (or OPTIONAL) for a real server");
        positive(reconnectMin, "reconnectMin");
        positive(reconnectMax, "reconnectMax");
        check(reconnectMax.compareTo(reconnectMin) >= 0, "reconnectMax " + reconnectMax
                + " is shorter than reconnectMin " + reconnectMin + "; expected max >= min");
        positive(replyTimeout, "replyTimeout");
        check(maxMessageLength >= 100, "maxMessageLength " + maxMessageLength + " is too small; expected at least 100");
        check(outboxCapacity > 0, "outboxCapacity " + outboxCapacity + " must be positive");
    }

    /** Settings with every default, for the account {@code username@domain}. */
    public static Builder builder(String domain, String username, String password) {
        return new Builder(domain, username, password);
    }

    /** The bot's bare JID, {@code username@domain}. */
    public String botJid() {
        return username + "@" + domain;
    }

    @Override
    public String toString() {
        return "XmppSettings[" + botJid() + "/" + resource + " via " + host + ":" + port + ", tls " + tls + ", rooms "
                + rooms + " as " + roomNick + ", prefix " + commandPrefix + ", mentions " + answerMentions + "]";
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked, so this never does a DNS lookup.
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String require(String value, String name, String expected) {
        check(value != null && !value.isBlank(), name + " is missing; expected " + expected);
        return value.strip();
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static void positive(Duration value, String name) {
        check(value != null && value.isPositive(), name + " is " + value + "; expected a positive duration");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Fills in the defaults; each setter replaces one. Not thread-safe. */
    public static final class Builder {
        private final String domain;
        private final String username;
        private final String password;
        private String host;
        private int port = 5222;
        private String resource = "switchboard";
        private List<String> rooms = List.of();
        private String roomNick;
        private String commandPrefix = "!";
        private boolean answerMentions = true;
        private TlsMode tls = TlsMode.REQUIRED;
        private Duration reconnectMin = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(60);
        private Duration replyTimeout = Duration.ofSeconds(10);
        private int maxMessageLength = 10_000;
        private int outboxCapacity = 1_000;

        private Builder(String domain, String username, String password) {
            this.domain = domain;
            this.username = username;
            this.password = password;
        }

        public Builder host(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder rooms(List<String> rooms) {
            this.rooms = rooms;
            return this;
        }

        public Builder roomNick(String roomNick) {
            this.roomNick = roomNick;
            return this;
        }

        public Builder commandPrefix(String commandPrefix) {
            this.commandPrefix = commandPrefix;
            return this;
        }

        public Builder answerMentions(boolean answerMentions) {
            this.answerMentions = answerMentions;
            return this;
        }

        public Builder tls(TlsMode tls) {
            this.tls = tls;
            return this;
        }

        public Builder reconnect(Duration min, Duration max) {
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        public Builder replyTimeout(Duration replyTimeout) {
            this.replyTimeout = replyTimeout;
            return this;
        }

        public Builder maxMessageLength(int maxMessageLength) {
            this.maxMessageLength = maxMessageLength;
            return this;
        }

        public Builder outboxCapacity(int outboxCapacity) {
            this.outboxCapacity = outboxCapacity;
            return this;
        }

        public XmppSettings build() {
            return new XmppSettings(domain, host, port, username, password, resource, rooms, roomNick, commandPrefix,
                    answerMentions, tls, reconnectMin, reconnectMax, replyTimeout, maxMessageLength, outboxCapacity);
        }
    }
}
