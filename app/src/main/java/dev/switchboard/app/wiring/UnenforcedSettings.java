package dev.switchboard.app.wiring;

import dev.switchboard.config.SwitchboardConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings this version reads but cannot act on: chat platforms without an adapter here (discord, teams,
 * matrix; the web chat, IRC, XMPP, Slack and Mattermost are wired), and chat sections the config module accepted but the
 * platform's adapter refuses (checks only the adapter can make, like the shape of a room JID). Running anyway would
 * leave people typing into a platform nobody listens on, so {@code check}, start-up and reloads refuse instead and
 * say what to change. (Every policy rule kind and command confirmations are enforced.)
 */
public final class UnenforcedSettings {
    /** The platforms this version connects to. */
    public static final List<String> WIRED_PLATFORMS = List.of("web", "irc", "xmpp", "slack", "mattermost");

    private UnenforcedSettings() {}

    /** One line per setting that would be ignored, each naming where it is; empty when everything is enforced. */
    public static List<String> problems(SwitchboardConfig config) {
        List<String> problems = new ArrayList<>();
        for (String platform : config.chat().others().keySet()) {
            problems.add("chat." + platform + ": the " + platform + " adapter is not part of this version (chat "
                    + "platforms here: " + String.join(", ", WIRED_PLATFORMS) + "); remove this section");
        }
        problems.addAll(PlatformSettings.problems(config.chat()));
        return problems;
    }
}
