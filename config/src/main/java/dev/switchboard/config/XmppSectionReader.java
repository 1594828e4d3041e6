package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code chat.xmpp} into an {@link XmppChatConfig}; every problem is reported where it was written. */
final class XmppSectionReader {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252}[a-z0-9])?");
    private static final Pattern LOCALPART = Pattern.compile("[^\\s@/\"&'<>:]{1,1023}");
    private static final Pattern ROOM = Pattern.compile("[^\\s@/\"&'<>:]{1,1023}@[a-z0-9]([a-z0-9.-]{0,252}[a-z0-9])?");

    private XmppSectionReader() {}

    static Optional<XmppChatConfig> read(Cursor settings) {
        Optional<Fields> section = ChatReader.section(settings, XmppChatConfig.KEYS,
                "{ domain: example.org, username: switchboard, password: \"${env:XMPP_PASSWORD}\" }");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Fields f = section.get();
        Optional<String> domain = f.required("domain", "the XMPP service domain, like example.org")
                .flatMap(c -> matching(c, DOMAIN, "a domain name like example.org"));
        Optional<String> username = f.required("username", "the bot account's local part, like switchboard")
                .flatMap(c -> c.nonBlank().map(String::strip).filter(u -> {
                    if (!LOCALPART.matcher(u).matches()) {
                        c.error("expected the local part of a JID, like switchboard, without @, / or spaces, got "
                                + c.shown());
                    }
                    return LOCALPART.matcher(u).matches();
                }));
        Optional<String> password = f.required("password", "the bot account's password, as ${env:NAME} or "
                + "${file:/path}").flatMap(c -> c.secret("the password"));
        String host = f.get("host").flatMap(Cursor::nonBlank).map(String::strip).orElse(domain.orElse(""));
        int port = (int) ChatReader.whole(f, "port", 1, 65_535, 5222);
        String resource = f.get("resource").flatMap(Cursor::nonBlank).map(String::strip).orElse("switchboard");
        List<String> rooms = f.get("rooms").flatMap(XmppSectionReader::rooms).orElse(List.of());
        String roomNick = f.get("roomNick").flatMap(Cursor::nonBlank).map(String::strip)
                .orElse(username.orElse(""));
        String prefix = ChatReader.prefix(f, "!");
        boolean mentions = ChatReader.bool(f, "answerMentions", true);
        if (!rooms.isEmpty()) {
            ChatReader.addressable(f, prefix, mentions, "rooms");
        }
        XmppChatConfig.Tls tls = f.get("tls").flatMap(c -> c.oneOf("TLS mode", List.of("required", "optional",
                "disabled")).filter(mode -> {
                    boolean ok = !mode.equals("disabled") || loopback(host);
                    if (!ok) {
                        c.error("tls: disabled is only allowed for a loopback host (127.0.0.1, ::1, localhost), not "
                                + host + ", because the password would cross the network in clear; use required");
                    }
                    return ok;
                })).map(mode -> XmppChatConfig.Tls.valueOf(mode.toUpperCase(Locale.ROOT)))
                .orElse(XmppChatConfig.Tls.REQUIRED);
        Duration reconnectMin = ChatReader.positive(f, "reconnectMin", Duration.ofSeconds(1));
        Duration reconnectMax = ChatReader.positive(f, "reconnectMax", Duration.ofSeconds(60));
        ChatReader.reconnectOrder(f, reconnectMin, reconnectMax);
        Duration replyTimeout = ChatReader.positive(f, "replyTimeout", Duration.ofSeconds(10));
        int maxMessageLength = (int) ChatReader.whole(f, "maxMessageLength", 100, 1_000_000, 10_000);
        int outboxCapacity = (int) ChatReader.whole(f, "outboxCapacity", 1, 1_000_000, 1_000);
        if (domain.isEmpty() || username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new XmppChatConfig(ChatReader.bool(f, "enabled", true), domain.get(), host, port,
                username.get(), password.get(), resource, rooms, roomNick, prefix, mentions, tls, reconnectMin,
                reconnectMax, replyTimeout, maxMessageLength, outboxCapacity));
    }

    private static Optional<String> matching(Cursor c, Pattern pattern, String expected) {
        return c.nonBlank().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> {
            if (!pattern.matcher(s).matches()) {
                c.error("expected " + expected + ", got " + c.shown());
            }
            return pattern.matcher(s).matches();
        });
    }

    private static Optional<List<String>> rooms(Cursor c) {
        Optional<List<String>> names = c.strings(true);
        if (names.isEmpty()) {
            return names;
        }
        List<Cursor> items = c.node() instanceof YamlNode.Sequence
                ? c.items("a list of rooms").orElseThrow() : List.of(c);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < names.get().size(); i++) {
            String room = names.get().get(i).strip().toLowerCase(Locale.ROOT);
            Cursor at = items.get(i);
            if (!ROOM.matcher(room).matches()) {
                at.error("expected a room JID like ops@conference.example.org, got " + at.shown());
            } else if (good.contains(room)) {
                at.error("room " + room + " is listed twice");
            } else {
                good.add(room);
            }
        }
        return Optional.of(good);
    }

    /** Only literal loopback names and addresses: deciding must never wait for DNS. */
    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.matches("127(\\.[0-9]{1,3}){3}");
    }
}
