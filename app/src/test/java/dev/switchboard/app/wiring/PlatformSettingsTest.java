package dev.switchboard.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.irc.IrcSettings;
import dev.switchboard.chat.mattermost.MattermostSettings;
import dev.switchboard.chat.slack.SlackSettings;
import dev.switchboard.chat.xmpp.XmppSettings;
import dev.switchboard.config.ChatConfig;
import dev.switchboard.config.IrcChatConfig;
import dev.switchboard.config.MattermostChatConfig;
import dev.switchboard.config.SlackChatConfig;
import dev.switchboard.config.WebChatConfig;
import dev.switchboard.config.XmppChatConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every configured value reaches the adapter: a setting dropped here would silently run with its default. */
class PlatformSettingsTest {
    @Test
    void everyIrcValueIsCarriedOver() {
        IrcChatConfig config = new IrcChatConfig(true, "irc.example.org", 7000, false, "opsbot", List.of("#ops"),
                "opsbot", "sasl-pw", "server-pw", "?", false, 300, 0.5, 3, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(1), 100);

        assertThat(PlatformSettings.irc(config)).isEqualTo(new IrcSettings("irc.example.org", 7000, false, "opsbot",
                List.of("#ops"), "opsbot", "sasl-pw", "server-pw", "?", false, 300, 0.5, 3, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(1), 100));
    }

    @Test
    void everyXmppValueIsCarriedOver() {
        XmppChatConfig config = new XmppChatConfig(true, "example.org", "127.0.0.1", 5300, "sb", "pw", "e2e",
                List.of("ops@conference.example.org"), "bot", "?", false, XmppChatConfig.Tls.DISABLED,
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(3), 500, 7);

        assertThat(PlatformSettings.xmpp(config)).isEqualTo(new XmppSettings("example.org", "127.0.0.1", 5300, "sb",
                "pw", "e2e", List.of("ops@conference.example.org"), "bot", "?", false, XmppSettings.TlsMode.DISABLED,
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(3), 500, 7));
    }

    @Test
    void everySlackValueIsCarriedOverInBothModes() {
        URI api = URI.create("http://127.0.0.1:9/api/");
        SlackChatConfig socket = new SlackChatConfig(true, SlackChatConfig.Mode.SOCKET, "xoxb-bot-token",
                "xapp-app-token", "signing-secret", api, "", 0.5, 2_000, Duration.ofMillis(100),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(30));
        SlackChatConfig http = new SlackChatConfig(true, SlackChatConfig.Mode.HTTP, "xoxb-bot-token", null,
                "signing-secret", api, "!", 1, 3_000, Duration.ofSeconds(1), Duration.ofSeconds(60), 6,
                Duration.ofMinutes(2));

        assertThat(PlatformSettings.slack(socket)).isEqualTo(new SlackSettings("xoxb-bot-token", "xapp-app-token",
                "signing-secret", SlackSettings.Mode.SOCKET, api, "", 0.5, 2_000, Duration.ofMillis(100),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(30)));
        assertThat(PlatformSettings.slack(http)).isEqualTo(new SlackSettings("xoxb-bot-token", null,
                "signing-secret", SlackSettings.Mode.HTTP, api, "!", 1, 3_000, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 6, Duration.ofMinutes(2)));
    }

    @Test
    void whatAnAdapterRefusesIsReportedWithItsSectionAndWithoutTheSecret() {
        // config checks the prefix only for blankness; the adapter refuses a token it cannot use
        SlackChatConfig slack = new SlackChatConfig(true, SlackChatConfig.Mode.SOCKET, "xoxb-s3cret-token",
                "xapp-x", null, SlackChatConfig.SLACK_API, "!", 1, 3_000, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 6, Duration.ofMinutes(2));

        List<String> problems = PlatformSettings.problems(new ChatConfig(WebChatConfig.DEFAULT, null, null, slack,
                null, Map.of()));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("chat.slack: Slack setting app "
                + "token is 'xapp-***'; expected").doesNotContain("s3cret"));
    }

    @Test
    void everyMattermostValueIsCarriedOver() {
        MattermostChatConfig config = new MattermostChatConfig(true, URI.create("https://chat.example.org"),
                "mmbottoken123", URI.create("wss://ws.example.org/api/v4/websocket"),
                URI.create("https://sb.example.org/mattermost/actions"), "callback-secret-0123456789", "?", false,
                4_000, 0.5, 3, Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofMinutes(3), 40,
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(12));

        assertThat(PlatformSettings.mattermost(config)).isEqualTo(new MattermostSettings(
                URI.create("https://chat.example.org"), "mmbottoken123",
                URI.create("wss://ws.example.org/api/v4/websocket"),
                URI.create("https://sb.example.org/mattermost/actions"), "callback-secret-0123456789", "?", false,
                4_000, 0.5, 3, Duration.ofMillis(100), Duration.ofSeconds(5), 4, Duration.ofMinutes(3), 40,
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(12)));
    }

    @Test
    void mattermostWithoutACallbackHasNoButtonsAndDerivesItsWebSocket() {
        MattermostChatConfig config = new MattermostChatConfig(true, URI.create("https://chat.example.org/"),
                "mmbottoken123", null, null, null, "!", true, 16_383, 2, 5, Duration.ofMillis(250),
                Duration.ofSeconds(10), 6, Duration.ofMinutes(2), 500, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(30));

        MattermostSettings settings = PlatformSettings.mattermost(config);

        assertThat(settings.callbackUrl()).isNull();
        assertThat(settings.effectiveWebsocketUrl()).hasToString("wss://chat.example.org/api/v4/websocket");
        assertThat(PlatformSettings.problems(new ChatConfig(WebChatConfig.DEFAULT, null, null, null, config,
                Map.of()))).isEmpty();
    }
}
