package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chat platforms to connect. The web chat, IRC, XMPP, Slack and Mattermost are typed and checked; the
 * platforms whose adapter is not part of this version yet (discord, teams, matrix) are kept as written in
 * {@link #others}, with secret references resolved, so the app can name them when it refuses to start.
 *
 * @param web the built-in web chat (always present; {@link WebChatConfig#DEFAULT} when not written)
 * @param irc {@code chat.irc}, or null when the config has no such section
 * @param xmpp {@code chat.xmpp}, or null when the config has no such section
 * @param slack {@code chat.slack}, or null when the config has no such section
 * @param mattermost {@code chat.mattermost}, or null when the config has no such section
 * @param others platform name to its settings as written (plain String/Number/Boolean/List/Map values), in config
 *     order
 */
public record ChatConfig(WebChatConfig web, IrcChatConfig irc, XmppChatConfig xmpp, SlackChatConfig slack,
        MattermostChatConfig mattermost, Map<String, Map<String, Object>> others) {
    /** The platform names a config may use (under {@code chat:} and in {@code platform:id} accounts). */
    public static final List<String> PLATFORMS =
            List.of("web", "slack", "mattermost", "irc", "xmpp", "discord", "teams", "matrix");

    public static final ChatConfig DEFAULT = new ChatConfig(WebChatConfig.DEFAULT, null, null, null, null, Map.of());

    public ChatConfig {
        Objects.requireNonNull(web, "web");
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }
}
