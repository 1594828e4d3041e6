package dev.switchboard.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code chat:}: the web chat, IRC, XMPP, Slack and Mattermost as typed settings (each platform's keys in its own reader),
 * the other known platforms' settings as written. An unknown platform name is an error with a did-you-mean. Also
 * holds the few value rules the platform readers share (defaults, positive durations, reconnect order).
 */
final class ChatReader {
    private ChatReader() {}

    static ChatConfig read(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return ChatConfig.DEFAULT;
        }
        WebChatConfig web = WebChatConfig.DEFAULT;
        IrcChatConfig irc = null;
        XmppChatConfig xmpp = null;
        SlackChatConfig slack = null;
        MattermostChatConfig mattermost = null;
        Map<String, Map<String, Object>> others = new LinkedHashMap<>();
        for (var entry : section.get().entries("a map of chat platforms, like web: { enabled: true }")
                .orElse(List.of())) {
            String platform = entry.getKey().key();
            Cursor settings = entry.getValue();
            switch (platform) {
                case "web" -> web = web(settings);
                case "irc" -> irc = IrcSectionReader.read(settings).orElse(null);
                case "xmpp" -> xmpp = XmppSectionReader.read(settings).orElse(null);
                case "slack" -> slack = SlackSectionReader.read(settings).orElse(null);
                case "mattermost" -> mattermost = MattermostSectionReader.read(settings).orElse(null);
                // chat.discord, teams and matrix stay as written until their adapter module lands;
                // then each gets a typed record and reader like slack's. The app refuses them meanwhile.
                default -> {
                    if (ChatConfig.PLATFORMS.contains(platform)) {
                        PlainValues.settings(settings, "a map of " + platform + " settings")
                                .ifPresent(s -> others.put(platform, s));
                    } else {
                        settings.diagnostics().error(entry.getKey().keyMark(), settings.path(), "unknown chat "
                                + "platform; expected one of " + String.join(", ", ChatConfig.PLATFORMS)
                                + Spelling.hint(platform, ChatConfig.PLATFORMS));
                    }
                }
            }
        }
        return new ChatConfig(web, irc, xmpp, slack, mattermost, others);
    }

    private static WebChatConfig web(Cursor settings) {
        if (settings.isNull()) {
            return WebChatConfig.DEFAULT;
        }
        Optional<Fields> f = settings.fields(List.of("enabled", "login"));
        boolean enabled = f.flatMap(x -> x.get("enabled")).flatMap(Cursor::bool).orElse(true);
        WebChatConfig.Login login = f.flatMap(x -> x.get("login"))
                .flatMap(c -> c.oneOf("login mode", List.of("password", "open")))
                .map(mode -> mode.equals("open") ? WebChatConfig.Login.OPEN : WebChatConfig.Login.PASSWORD)
                .orElse(WebChatConfig.Login.PASSWORD);
        return new WebChatConfig(enabled, login);
    }

    /** The keys of a platform section; an empty section is reported with an example of what it needs. */
    static Optional<Fields> section(Cursor settings, List<String> keys, String example) {
        if (settings.isNull()) {
            settings.error("expected settings, like " + example);
            return Optional.empty();
        }
        return settings.fields(keys);
    }

    static boolean bool(Fields f, String key, boolean otherwise) {
        return f.get(key).flatMap(Cursor::bool).orElse(otherwise);
    }

    static long whole(Fields f, String key, long min, long max, long otherwise) {
        return f.get(key).flatMap(c -> c.integer(min, max)).orElse(otherwise);
    }

    /** A duration longer than zero, or {@code otherwise} when the key is absent (or wrong, after reporting it). */
    static Duration positive(Fields f, String key, Duration otherwise) {
        return f.get(key).flatMap(c -> c.duration().filter(d -> {
            if (d.isZero()) {
                c.error("expected a duration longer than zero");
            }
            return !d.isZero();
        })).orElse(otherwise);
    }

    /** Reports a {@code reconnectMax} shorter than {@code reconnectMin}, at the max. */
    static void reconnectOrder(Fields f, Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            Cursor at = f.get("reconnectMax").or(() -> f.get("reconnectMin")).orElse(f.map());
            at.error("reconnectMax (" + max + ") is shorter than reconnectMin (" + min + "); expected max >= min");
        }
    }

    /** A command prefix: any text, empty for none; a blank one is reported (it would match every line). */
    static String prefix(Fields f, String otherwise) {
        return f.get("commandPrefix").flatMap(c -> c.string().filter(p -> {
            if (!p.isEmpty() && p.isBlank()) {
                c.error("expected a prefix such as ! (or \"\" for none), got blank text");
            }
            return p.isEmpty() || !p.isBlank();
        })).map(String::strip).orElse(otherwise);
    }

    /** Reports, at the section, a platform that could hear nothing in its channels. */
    static void addressable(Fields f, String prefix, boolean mentions, String where) {
        if (prefix.isEmpty() && !mentions) {
            f.map().error("with no commandPrefix and answerMentions: false nothing said in " + where
                    + " reaches the bot; set commandPrefix (like !) or answerMentions: true");
        }
    }
}
