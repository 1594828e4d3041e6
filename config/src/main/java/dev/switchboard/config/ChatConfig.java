package dev.switchboard.config;

import java.util.Map;
import java.util.Objects;
import java.util.List;

/**
 * The chat platforms to connect. The web chat is typed; the others ({@link #PLATFORMS}) are kept as written,
 * with secret references resolved, for their adapters to validate.
 *
 * @param others platform name to its settings (plain String/Number/Boolean/List/Map values), in config order
 */
public record ChatConfig(WebChatConfig web, Map<String, Map<String, Object>> others) {
    /** The platform names a config may use (under {@code chat:} and in {@code platform:id} accounts). */
    public static final List<String> PLATFORMS =
            List.of("web", "slack", "mattermost", "irc", "xmpp", "discord", "teams", "matrix");

    public static final ChatConfig DEFAULT = new ChatConfig(WebChatConfig.DEFAULT, Map.of());

    public ChatConfig {
        Objects.requireNonNull(web, "web");
        others = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(others));
    }
}
