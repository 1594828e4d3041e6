package dev.switchboard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code chat:}: the web chat's typed settings, and the other known platforms' settings as written, for
 * their adapters. An unknown platform name is an error with a did-you-mean.
 */
final class ChatReader {
    private ChatReader() {}

    static ChatConfig read(Optional<Cursor> section) {
        WebChatConfig web = WebChatConfig.DEFAULT;
        Map<String, Map<String, Object>> others = new LinkedHashMap<>();
        if (section.isEmpty() || section.get().isNull()) {
            return ChatConfig.DEFAULT;
        }
        for (var entry : section.get().entries("a map of chat platforms, like web: { enabled: true }")
                .orElse(List.of())) {
            String platform = entry.getKey().key();
            Cursor settings = entry.getValue();
            if (platform.equals("web")) {
                web = web(settings);
            } else if (ChatConfig.PLATFORMS.contains(platform)) {
                PlainValues.settings(settings, "a map of " + platform + " settings")
                        .ifPresent(s -> others.put(platform, s));
            } else {
                settings.diagnostics().error(entry.getKey().keyMark(), settings.path(), "unknown chat platform; "
                        + "expected one of " + String.join(", ", ChatConfig.PLATFORMS)
                        + Spelling.hint(platform, ChatConfig.PLATFORMS));
            }
        }
        return new ChatConfig(web, others);
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
}
