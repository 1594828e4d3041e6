package dev.switchboard.chat.irc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link IrcChatAdapter} connects and behaves. Immutable; start from {@link #of} and adjust with the
 * {@code with...} methods. The constructor checks every value and says what was wrong and what was expected.
 * {@link #toString()} never shows a password.
 *
 * @param host server host name or address
 * @param port server port (1-65535)
 * @param tls connect with TLS (the JDK's default trust store checks the certificate)
 * @param nick the bot's nick; also the name it answers to in {@code nick: command}
 * @param channels channels joined on every (re)connect, like {@code #ops}; may be empty
 * @param saslAccount SASL PLAIN account, or null for no SASL
 * @param saslPassword SASL PLAIN password; non-null exactly when {@code saslAccount} is
 * @param serverPassword the server password ({@code PASS}), or null
 * @param commandPrefix a channel line starting with this is addressed to the bot (e.g. {@code !}); null or empty
 *        for none
 * @param answerMentions a channel line starting with {@code nick:} or {@code nick,} is addressed to the bot
 * @param maxLineBytes the most UTF-8 bytes of text in one {@code PRIVMSG}; leave room under IRC's 512-byte line
 *        for the prefix servers add (50-480, default 400)
 * @param linesPerSecond steady outbound rate (default 2; at most {@link #MAX_LINES_PER_SECOND}); real networks
 *        penalise floods, so raise it only for a server whose limits you know
 * @param burst lines that may go out at once before the rate applies (default 5)
 * @param reconnectMin first reconnect delay (default 1 s); doubles per failed attempt, with jitter
 * @param reconnectMax longest reconnect delay (default 60 s)
 * @param sendTimeout how long a reply may wait (for example while disconnected) before {@code send} gives up and
 *        reports it undelivered (default 2 min)
 * @param maxQueuedLines outbound lines held at most; beyond that {@code send} fails at once (default 5000)
 * @param keepAlive after this long without a line from the server the bot sends a {@code PING}; after 2.5 times
 *        this long of silence the connection counts as dead and is replaced (default 60 s; 100 ms to 1 h)
 */
public record IrcSettings(
        String host, int port, boolean tls, String nick, List<String> channels,
        String saslAccount, String saslPassword, String serverPassword,
        String commandPrefix, boolean answerMentions, int maxLineBytes,
        double linesPerSecond, int burst, Duration reconnectMin, Duration reconnectMax,
        Duration sendTimeout, int maxQueuedLines, Duration keepAlive) {

    public static final int DEFAULT_MAX_LINE_BYTES = 400;
    /** The highest {@code linesPerSecond}: in effect unlimited, for servers without flood control (tests, benches). */
    public static final double MAX_LINES_PER_SECOND = 1_000_000;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

    public IrcSettings {
        require(host != null && !host.isBlank(), "host", host, "a host name such as irc.example.org");
        require(port >= 1 && port <= 65_535, "port", port, "1-65535");
        require(nick != null && nick.matches("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,29}"),
                "nick", nick, "letters, digits and []\\`_^{|}- not starting with a digit, at most 30");
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        for (String channel : channels) {
            require(IrcTargets.isChannel(channel) && channel.matches("[^\\s,\\x07]{2,50}"), "channel", channel,
                    "a channel name such as #ops, without spaces or commas");
        }
        require((saslAccount == null) == (saslPassword == null), "SASL", saslAccount == null ? "no account" : saslAccount,
                "both an account and a password, or neither");
        commandPrefix = commandPrefix == null ? "" : commandPrefix;
        require(!commandPrefix.isBlank() || commandPrefix.isEmpty(), "command prefix", "'" + commandPrefix + "'",
                "a non-blank prefix such as ! (or none)");
        require(!commandPrefix.isEmpty() || answerMentions, "addressing", "no prefix and no mentions",
                "a command prefix, mentions, or both, or the bot would hear nothing in channels");
        require(maxLineBytes >= 50 && maxLineBytes <= 480, "maxLineBytes", maxLineBytes, "50-480");
        require(linesPerSecond > 0 && linesPerSecond <= MAX_LINES_PER_SECOND, "linesPerSecond", linesPerSecond,
                "more than 0 and at most " + (long) MAX_LINES_PER_SECOND);
        require(burst >= 1, "burst", burst, "at least 1");
        require(positive(reconnectMin) && positive(reconnectMax) && reconnectMin.compareTo(reconnectMax) <= 0,
                "reconnect delays", reconnectMin + ".." + reconnectMax, "0 < min <= max");
        require(positive(sendTimeout), "sendTimeout", sendTimeout, "a positive duration");
        require(maxQueuedLines >= 1, "maxQueuedLines", maxQueuedLines, "at least 1");
        require(keepAlive != null && keepAlive.compareTo(Duration.ofMillis(100)) >= 0
                && keepAlive.compareTo(Duration.ofHours(1)) <= 0, "keepAlive", keepAlive, "100 ms to 1 h");
    }

    /** The settings as they were before {@code keepAlive} existed, with {@link #DEFAULT_KEEP_ALIVE}. */
    public IrcSettings(String host, int port, boolean tls, String nick, List<String> channels,
            String saslAccount, String saslPassword, String serverPassword,
            String commandPrefix, boolean answerMentions, int maxLineBytes,
            double linesPerSecond, int burst, Duration reconnectMin, Duration reconnectMax,
            Duration sendTimeout, int maxQueuedLines) {
        this(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword, commandPrefix, answerMentions,
                maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax, sendTimeout, maxQueuedLines,
                DEFAULT_KEEP_ALIVE);
    }

    /** Plain TCP, prefix {@code !} and mentions, no passwords, and the defaults documented on the record. */
    public static IrcSettings of(String host, int port, String nick, List<String> channels) {
        return new IrcSettings(host, port, false, nick, channels, null, null, null, "!", true,
                DEFAULT_MAX_LINE_BYTES, 2, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(2),
                5_000, DEFAULT_KEEP_ALIVE);
    }

    public IrcSettings withTls(boolean useTls) {
        return new IrcSettings(host, port, useTls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withSasl(String account, String password) {
        return new IrcSettings(host, port, tls, nick, channels, account, password, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withServerPassword(String password) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, password,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withAddressing(String prefix, boolean mentions) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                prefix, mentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withMaxLineBytes(int bytes) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, bytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withRate(double perSecond, int burstLines) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, perSecond, burstLines, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withReconnect(Duration min, Duration max) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, min, max,
                sendTimeout, maxQueuedLines, keepAlive);
    }

    public IrcSettings withQueue(Duration timeout, int maxLines) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                timeout, maxLines, keepAlive);
    }

    public IrcSettings withKeepAlive(Duration interval) {
        return new IrcSettings(host, port, tls, nick, channels, saslAccount, saslPassword, serverPassword,
                commandPrefix, answerMentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax,
                sendTimeout, maxQueuedLines, interval);
    }

    @Override
    public String toString() {
        return "IrcSettings[" + host + ":" + port + (tls ? " tls" : "") + " nick=" + nick + " channels=" + channels
                + (saslAccount == null ? "" : " sasl=" + saslAccount + "/***")
                + (serverPassword == null ? "" : " pass=***") + " prefix='" + commandPrefix + "' mentions="
                + answerMentions + " maxLineBytes=" + maxLineBytes + " rate=" + linesPerSecond + "/s burst=" + burst
                + " reconnect=" + reconnectMin + ".." + reconnectMax + " sendTimeout=" + sendTimeout
                + " maxQueuedLines=" + maxQueuedLines + " keepAlive=" + keepAlive + "]";
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String what, Object got, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("IRC setting " + what + " is " + got + "; expected " + expected);
        }
    }
}
