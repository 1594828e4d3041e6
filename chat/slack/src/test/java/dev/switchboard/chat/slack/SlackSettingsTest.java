package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    @Test
    void theTextFormShowsNoTokenAndNoSecret() {
        SlackSettings settings = SlackSettings.socketMode("xoxb-123-secretbot", "xapp-1-secretapp")
                .withSigningSecret("signing-secret-value");

        assertThat(settings.toString()).doesNotContain("secretbot", "secretapp", "signing-secret-value")
                .contains("mode=SOCKET", "xoxb-***");
    }

    @Test
    void aTokenOfTheWrongKindIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SlackSettings.socketMode("xoxp-user-token-123", "xapp-1-abc-def"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a bot token starting with xoxb-")
                .hasMessageNotContaining("user-token-123");
        assertThatThrownBy(() -> SlackSettings.socketMode("xoxb-123-abcdef", null))
                .hasMessageContaining("app token is missing");
    }

    @Test
    void theHttpModeNeedsASigningSecret() {
        assertThatThrownBy(() -> SlackSettings.httpEvents("xoxb-123-abcdef", ""))
                .hasMessageContaining("signing secret is missing");
        assertThat(SlackSettings.httpEvents("xoxb-123-abcdef", "0123456789abcdef").appToken()).isNull();
    }

    @Test
    void theKeepAliveIsThirtySecondsUnlessSetAndMustBeWholeSecondsWithinAnHour() {
        SlackSettings settings = SlackSettings.socketMode("xoxb-123-abcdef", "xapp-1-abc-def");
        assertThat(settings.keepAlive()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(settings.withKeepAlive(java.time.Duration.ofSeconds(5)).keepAlive())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> settings.withKeepAlive(java.time.Duration.ofMillis(1_500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Slack setting keep-alive is PT1.5S; expected whole seconds from 1 s to 1 h");
        assertThatThrownBy(() -> settings.withKeepAlive(java.time.Duration.ofHours(2)))
                .hasMessageContaining("expected whole seconds from 1 s to 1 h");
    }
}
