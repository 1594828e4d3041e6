package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MattermostSettingsTest {
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz";
    private static final String SECRET = "s3cr3t-for-callbacks-42";

    @Test
    void toStringNeverShowsTheTokenOrTheCallbackSecret() {
        MattermostSettings settings = MattermostSettings.of(URI.create("https://chat.example.org/"), TOKEN)
                .withCallback(URI.create("https://sb.example.org/mattermost/actions"), SECRET);
        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).contains("https://chat.example.org");
    }

    @Test
    void theWebsocketUrlFollowsTheServerUrl() {
        assertThat(MattermostSettings.of(URI.create("https://chat.example.org/mm/"), TOKEN).effectiveWebsocketUrl())
                .isEqualTo(URI.create("wss://chat.example.org/mm/api/v4/websocket"));
        assertThat(MattermostSettings.of(URI.create("http://127.0.0.1:8065"), TOKEN).effectiveWebsocketUrl())
                .isEqualTo(URI.create("ws://127.0.0.1:8065/api/v4/websocket"));
    }

    @Test
    void badValuesSayWhatWasWrongAndWhatIsExpected() {
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("ftp://chat"), TOKEN))
                .hasMessageContaining("serverUrl").hasMessageContaining("expected an http(s) URL");
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("https://user:pw@chat.example.org"), TOKEN))
                .hasMessageContaining("without credentials").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("https://chat"), "bad token!"))
                .hasMessageContaining("botToken is malformed").hasMessageNotContaining("bad token");
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("https://chat"), TOKEN)
                .withCallback(URI.create("https://sb/mattermost/actions"), "short"))
                .hasMessageContaining("callbackSecret").hasMessageContaining("at least 16").hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("https://chat"), TOKEN).withMaxPostLength(20_000))
                .hasMessageContaining("maxPostLength is 20000; expected 100-16383");
        assertThatThrownBy(() -> MattermostSettings.of(URI.create("https://chat"), TOKEN).withTeam("Ops Team"))
                .hasMessageContaining("team is 'Ops Team'").hasMessageContaining("the team's name as in its URL");
        assertThat(MattermostSettings.of(URI.create("https://chat"), TOKEN).withTeam("ops").toString())
                .contains("team=ops");
    }
}
