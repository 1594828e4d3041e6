package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmppSettingsTest {
    private static final String SECRET = "Hunter2-Secret";

    @Test
    void defaultsConnectToTheDomainWithRequiredTlsAndTheUsernameAsNick() {
        XmppSettings settings = XmppSettings.builder("Example.ORG", "switchboard", SECRET)
                .rooms(List.of("Ops@Conference.Example.org")).build();

        assertThat(settings.host()).isEqualTo("example.org");
        assertThat(settings.port()).isEqualTo(5222);
        assertThat(settings.tls()).isEqualTo(XmppSettings.TlsMode.REQUIRED);
        assertThat(settings.roomNick()).isEqualTo("switchboard");
        assertThat(settings.commandPrefix()).isEqualTo("!");
        assertThat(settings.rooms()).containsExactly("ops@conference.example.org");
        assertThat(settings.botJid()).isEqualTo("switchboard@example.org");
    }

    @Test
    void thePasswordNeverAppearsInTheTextForm() {
        assertThat(XmppSettings.builder("example.org", "switchboard", SECRET).build().toString())
                .contains("switchboard@example.org").doesNotContain(SECRET);
    }

    @Test
    void plainTcpIsOnlyAllowedToALoopbackHost() {
        assertThat(XmppSettings.builder("example.org", "sb", SECRET).host("127.0.0.1", 5222)
                .tls(XmppSettings.TlsMode.DISABLED).build().tls()).isEqualTo(XmppSettings.TlsMode.DISABLED);
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", SECRET)
                .tls(XmppSettings.TlsMode.DISABLED).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls DISABLED is only allowed for a loopback host, not 'example.org'; use REQUIRED "
                        + "(or OPTIONAL) for a real server");
    }

    @Test
    void badValuesAreRefusedWithWhatWasExpectedAndNeverThePassword() {
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", SECRET)
                .rooms(List.of("#ops")).build())
                .hasMessage("room '#ops' is not a room JID; expected one like ops@conference.example.org");
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb@example.org", SECRET).build())
                .hasMessageStartingWith("username 'sb@example.org' is not a JID local part");
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", "").build())
                .hasMessage("password is empty; expected the bot account's password");
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", SECRET).rooms(List.of("a@c.example.org"))
                .commandPrefix(" ").answerMentions(false).build())
                .hasMessageStartingWith("with neither a command prefix nor mentions");
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", SECRET)
                .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .hasMessageContaining("reconnectMax PT1S is shorter than reconnectMin PT5S")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> XmppSettings.builder("example.org", "sb", SECRET).host("h", 70_000).build())
                .hasMessage("port 70000 is out of range; expected 1 to 65535 (usually 5222)");
    }
}
