package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code chat.irc} into an {@link IrcChatConfig}; every problem is reported where it was written. */
final class IrcSectionReader {
    private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,29}");
    private static final Pattern CHANNEL = Pattern.compile("[#&+!][^\\s,\\x07]{1,49}");

    private IrcSectionReader() {}

    static Optional<IrcChatConfig> read(Cursor settings) {
        Optional<Fields> section = ChatReader.section(settings, IrcChatConfig.KEYS,
                "{ host: irc.example.org, nick: switchboard, channels: [\"#ops\"] }");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Fields f = section.get();
        Optional<String> host = f.required("host", "the IRC server's host name, like irc.example.org")
                .flatMap(Cursor::nonBlank).map(String::strip);
        boolean tls = ChatReader.bool(f, "tls", true);
        int port = (int) ChatReader.whole(f, "port", 1, 65_535, tls ? 6697 : 6667);
        String nick = f.get("nick").flatMap(c -> c.string().filter(n -> {
            if (!NICK.matcher(n).matches()) {
                c.error("expected a nick of letters, digits and []\\`_^{|}- not starting with a digit or -, at most "
                        + "30 characters, got " + c.shown());
            }
            return NICK.matcher(n).matches();
        })).orElse("switchboard");
        List<String> channels = f.get("channels").flatMap(IrcSectionReader::channels).orElse(List.of());

        Optional<String> saslAccount = f.get("saslAccount").flatMap(Cursor::nonBlank);
        Optional<String> saslPassword = f.get("saslPassword").flatMap(c -> c.secret("the SASL password"));
        if (f.has("saslAccount") != f.has("saslPassword")) {
            f.map().error("expected both saslAccount and saslPassword, or neither");
        }
        Optional<String> serverPassword = f.get("serverPassword").flatMap(c -> c.secret("the server password"));

        String prefix = ChatReader.prefix(f, "!");
        boolean mentions = ChatReader.bool(f, "answerMentions", true);
        ChatReader.addressable(f, prefix, mentions, "IRC channels");
        int maxLineBytes = (int) ChatReader.whole(f, "maxLineBytes", 50, 480, 400);
        double linesPerSecond = f.get("linesPerSecond").flatMap(c -> c.number(0.01, 10_000)).orElse(2.0);
        int burst = (int) ChatReader.whole(f, "burst", 1, 10_000, 5);
        Duration reconnectMin = ChatReader.positive(f, "reconnectMin", Duration.ofSeconds(1));
        Duration reconnectMax = ChatReader.positive(f, "reconnectMax", Duration.ofSeconds(60));
        ChatReader.reconnectOrder(f, reconnectMin, reconnectMax);
        Duration sendTimeout = ChatReader.positive(f, "sendTimeout", Duration.ofMinutes(2));
        int maxQueuedLines = (int) ChatReader.whole(f, "maxQueuedLines", 1, 1_000_000, 5_000);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IrcChatConfig(ChatReader.bool(f, "enabled", true), host.get(), port, tls, nick,
                channels, saslAccount.orElse(null), saslPassword.orElse(null), serverPassword.orElse(null), prefix,
                mentions, maxLineBytes, linesPerSecond, burst, reconnectMin, reconnectMax, sendTimeout,
                maxQueuedLines));
    }

    private static Optional<List<String>> channels(Cursor c) {
        Optional<List<String>> names = c.strings(true);
        if (names.isEmpty()) {
            return names;
        }
        List<String> good = new ArrayList<>();
        List<Cursor> items = c.node() instanceof YamlNode.Sequence
                ? c.items("a list of channels").orElseThrow() : List.of(c);
        for (int i = 0; i < names.get().size(); i++) {
            String name = names.get().get(i);
            Cursor at = i < items.size() ? items.get(i) : c;
            if (!CHANNEL.matcher(name).matches()) {
                at.error("expected a channel like \"#ops\" (quoted: YAML reads # as a comment), without spaces or "
                        + "commas, got " + at.shown());
            } else if (good.contains(name)) {
                at.error("channel " + name + " is listed twice");
            } else {
                good.add(name);
            }
        }
        return Optional.of(good);
    }
}
