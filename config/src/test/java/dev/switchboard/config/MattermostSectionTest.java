package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat.mattermost}: defaults, every key, and each kind of mistake, never echoing a secret. */
class MattermostSectionTest {
    private static final Map<String, String> ENV = Map.of("MM_TOKEN", "mmbots3cret0token", "MM_CB",
            "callback-s3cret-0123456789", "SHORT", "s3cret", "ODD", "not a token s3cret");

    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, ENV);
    }

    @Test
    void aSectionWithOnlyServerAndTokenTakesEveryDefaultAndHasNoButtons() {
        TempConfig files = files();
        files.write("main.yaml", "chat:",
                "  mattermost: { serverUrl: \"https://chat.example.org\", botToken: \"${env:MM_TOKEN}\" }");

        MattermostChatConfig mm = files.loaded("main.yaml").chat().mattermost();

        assertThat(mm).isEqualTo(new MattermostChatConfig(true, URI.create("https://chat.example.org"),
                "mmbots3cret0token", null, null, null, "!", true, 16_383, 2, 5, Duration.ofMillis(250),
                Duration.ofSeconds(10), 6, Duration.ofMinutes(2), 500, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        assertThat(mm.buttons()).isFalse();
        assertThat(mm.toString()).doesNotContain("s3cret");
    }

    @Test
    void everyKeyIsReadAndSecretsStayOutOfToString() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  mattermost:", "    enabled: false",
                "    serverUrl: \"http://127.0.0.1:8065\"", "    botToken: \"${env:MM_TOKEN}\"",
                "    websocketUrl: \"ws://127.0.0.1:8066/api/v4/websocket\"",
                "    callbackUrl: \"https://sb.example.org/mattermost/actions\"",
                "    callbackSecret: \"${env:MM_CB}\"", "    commandPrefix: \"\"", "    replyInThreads: false",
                "    maxPostLength: 4000", "    postsPerSecond: 0.5", "    burst: 2", "    retryMin: 1s",
                "    retryMax: 30s", "    maxAttempts: 3", "    sendTimeout: 5m", "    maxQueuedPosts: 50",
                "    reconnectMin: 2s", "    reconnectMax: 2m", "    keepAlive: 15s", "    team: ops");

        MattermostChatConfig mm = files.loaded("main.yaml").chat().mattermost();

        assertThat(mm).isEqualTo(new MattermostChatConfig(false, URI.create("http://127.0.0.1:8065"),
                "mmbots3cret0token", URI.create("ws://127.0.0.1:8066/api/v4/websocket"),
                URI.create("https://sb.example.org/mattermost/actions"), "callback-s3cret-0123456789", "", false,
                4_000, 0.5, 2, Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMinutes(5), 50,
                Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofSeconds(15), "ops"));
        assertThat(mm.buttons()).isTrue();
        assertThat(mm.toString()).doesNotContain("s3cret");
    }

    @Test
    void missingServerAndTokenPointAtTheSectionAndSayWhatIsNeeded() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  mattermost: { commandPrefix: \"!\" }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:2:15: chat.mattermost.serverUrl: missing; expected the Mattermost site URL, like "
                        + "https://chat.example.org",
                "main.yaml:2:15: chat.mattermost.botToken: missing; expected the bot account's access token as "
                        + "${env:NAME} or ${file:/path}");
    }

    @Test
    void aTokenOrCallbackSecretWrittenInlineIsRefusedWithoutBeingEchoed() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  mattermost:", "    serverUrl: \"https://chat.example.org\"",
                "    botToken: inlinebots3cret", "    callbackUrl: \"https://sb.example.org/mattermost/actions\"",
                "    callbackSecret: inline-callback-s3cret-123");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:4:15: chat.mattermost.botToken: write the bot token as a reference, ${env:NAME} or "
                        + "${file:/path}, never inline",
                "main.yaml:6:21: chat.mattermost.callbackSecret: write the callback secret as a reference, "
                        + "${env:NAME} or ${file:/path}, never inline");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void aShortCallbackSecretAMalformedTokenAndAHalfConfiguredCallbackAreRefused() {
        TempConfig files = files();
        files.write("short.yaml", "chat:", "  mattermost:", "    serverUrl: \"https://chat.example.org\"",
                "    botToken: \"${env:ODD}\"", "    callbackUrl: \"https://sb.example.org/mattermost/actions\"",
                "    callbackSecret: \"${env:SHORT}\"");
        files.write("half.yaml", "chat:", "  mattermost:", "    serverUrl: \"https://chat.example.org\"",
                "    botToken: \"${env:MM_TOKEN}\"", "    callbackUrl: \"https://sb.example.org/mattermost/actions\"");

        List<String> shortErrors = files.errors("short.yaml");

        assertThat(shortErrors).containsExactly(
                "short.yaml:4:15: chat.mattermost.botToken: expected the bot account's access token (8-200 letters "
                        + "and digits), but the reference gave something else",
                "short.yaml:6:21: chat.mattermost.callbackSecret: expected a random callback secret of at least 16 "
                        + "characters (like the output of openssl rand -hex 24), but the reference gave a shorter one");
        assertThat(String.join("\n", shortErrors)).doesNotContain("s3cret");
        assertThat(files.errors("half.yaml")).containsExactly(
                "half.yaml:3:5: chat.mattermost: expected both callbackUrl and callbackSecret (buttons), or neither "
                        + "(buttons shown as commands to type)");
    }

    @Test
    void urlsOfTheWrongShapeSayWhatWasExpectedAndNeverShowCredentials() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  mattermost:", "    serverUrl: \"https://bot:pa55word@chat.example.org\"",
                "    botToken: \"${env:MM_TOKEN}\"", "    websocketUrl: \"https://chat.example.org/ws\"",
                "    commandPrefix: \"@bot\"");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:3:16: chat.mattermost.serverUrl: expected the Mattermost site URL, like "
                        + "https://chat.example.org (http or https, without credentials), got a URL with credentials "
                        + "(not shown)",
                "main.yaml:5:19: chat.mattermost.websocketUrl: expected the event WebSocket, like "
                        + "wss://chat.example.org/api/v4/websocket (or leave it out to derive it) (ws or wss, without "
                        + "credentials), got 'https://chat.example.org/ws'",
                "main.yaml:6:20: chat.mattermost.commandPrefix: expected a prefix such as ! that is not a mention; "
                        + "@mentions of the bot always reach it");
        assertThat(String.join("\n", errors)).doesNotContain("pa55word");
    }

    @Test
    void aTeamThatIsNotAUrlNameSaysWhatIsExpected() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  mattermost:", "    serverUrl: \"https://chat.example.org\"",
                "    botToken: \"${env:MM_TOKEN}\"", "    team: \"Ops Team\"");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:5:11: chat.mattermost.team: expected the team's name as in its URL (ops in "
                        + "https://chat.example.org/ops/channels/...): lower-case letters, digits, - and _, at most 64; "
                        + "got 'Ops Team'");
    }
}
