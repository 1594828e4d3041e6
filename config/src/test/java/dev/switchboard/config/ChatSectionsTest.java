package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat.irc}, {@code chat.xmpp} and {@code chat.slack}: defaults, every key, and each kind of mistake. */
class ChatSectionsTest {
    private static final Map<String, String> ENV = Map.of("IRC_PW", "irc-s3cret", "XMPP_PW", "xmpp-s3cret",
            "BOT", "xoxb-bot-s3cret", "APP", "xapp-app-s3cret", "SIGN", "signing-s3cret", "SHORT", "abc");

    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, ENV);
    }

    @Test
    void anIrcSectionWithOnlyAHostTakesEveryDefault() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  irc: { host: irc.example.org }");

        IrcChatConfig irc = files.loaded("main.yaml").chat().irc();

        assertThat(irc).isEqualTo(new IrcChatConfig(true, "irc.example.org", 6697, true, "switchboard", List.of(),
                null, null, null, "!", true, 400, 2, 5, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(2), 5_000));
    }

    @Test
    void everyIrcKeyIsReadAndPasswordsStayOutOfToString() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  irc:", "    enabled: false", "    host: 127.0.0.1", "    port: 6667",
                "    tls: false", "    nick: opsbot", "    channels: [\"#ops\", \"#deploys\"]", "    saslAccount: opsbot",
                "    saslPassword: \"${env:IRC_PW}\"", "    serverPassword: \"${env:IRC_PW}\"",
                "    commandPrefix: \"\"", "    answerMentions: true", "    maxLineBytes: 300",
                "    linesPerSecond: 0.5", "    burst: 3", "    reconnectMin: 500ms", "    reconnectMax: 30s",
                "    sendTimeout: 1m", "    maxQueuedLines: 100");

        IrcChatConfig irc = files.loaded("main.yaml").chat().irc();

        assertThat(irc).isEqualTo(new IrcChatConfig(false, "127.0.0.1", 6667, false, "opsbot",
                List.of("#ops", "#deploys"), "opsbot", "irc-s3cret", "irc-s3cret", "", true, 300, 0.5, 3,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1), 100));
        assertThat(irc.toString()).doesNotContain("irc-s3cret");
    }

    @Test
    void everyXmppKeyIsReadAndTheHostAndRoomNickDefaultToDomainAndUsername() {
        TempConfig files = files();
        files.write("main.yaml", "chat:",
                "  xmpp: { domain: Example.ORG, username: switchboard, password: \"${env:XMPP_PW}\",",
                "          rooms: [Ops@Conference.Example.org] }");

        XmppChatConfig xmpp = files.loaded("main.yaml").chat().xmpp();

        assertThat(xmpp).isEqualTo(new XmppChatConfig(true, "example.org", "example.org", 5222, "switchboard",
                "xmpp-s3cret", "switchboard", List.of("ops@conference.example.org"), "switchboard", "!", true,
                XmppChatConfig.Tls.REQUIRED, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10),
                10_000, 1_000));
        assertThat(xmpp.toString()).doesNotContain("xmpp-s3cret");
    }

    @Test
    void slackDefaultsToSocketModeAndHttpModeTakesASigningSecretInstead() {
        TempConfig files = files();
        files.write("socket.yaml", "chat: { slack: { botToken: \"${env:BOT}\", appToken: \"${env:APP}\" } }");
        files.write("http.yaml", "chat:", "  slack: { mode: http, botToken: \"${env:BOT}\", "
                + "signingSecret: \"${env:SIGN}\", apiBaseUrl: \"http://127.0.0.1:9/api/\", commandPrefix: \"\" }");

        SlackChatConfig socket = files.loaded("socket.yaml").chat().slack();
        SlackChatConfig http = files.loaded("http.yaml").chat().slack();

        assertThat(socket.mode()).isEqualTo(SlackChatConfig.Mode.SOCKET);
        assertThat(socket.apiBaseUrl()).isEqualTo(SlackChatConfig.SLACK_API);
        assertThat(socket.commandPrefix()).isEqualTo("!");
        assertThat(http).isEqualTo(new SlackChatConfig(true, SlackChatConfig.Mode.HTTP, "xoxb-bot-s3cret", null,
                "signing-s3cret", URI.create("http://127.0.0.1:9/api/"), "", 1, 3_000, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 6, Duration.ofMinutes(2)));
        assertThat(http.toString()).doesNotContain("s3cret");
    }

    @Test
    void missingRequiredSettingsPointAtTheSectionAndSayWhatIsNeeded() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  irc: { nick: opsbot }", "  xmpp: { domain: example.org }",
                "  slack: { mode: http, botToken: \"${env:BOT}\" }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:2:8: chat.irc.host: missing; expected the IRC server's host name, like irc.example.org",
                "main.yaml:3:9: chat.xmpp.username: missing; expected the bot account's local part, like switchboard",
                "main.yaml:3:9: chat.xmpp.password: missing; expected the bot account's password, as ${env:NAME} or "
                        + "${file:/path}",
                "main.yaml:4:10: chat.slack.signingSecret: missing; expected the app's signing secret as ${env:NAME} "
                        + "or ${file:/path}; mode: http needs it to check Slack's requests");
    }

    @Test
    void secretsWrittenInlineAreRefusedWithoutBeingEchoed() {
        TempConfig files = files();
        files.write("main.yaml", "chat:",
                "  slack: { botToken: xoxb-inline-s3cret, appToken: \"${env:APP}\" }",
                "  xmpp: { domain: example.org, username: sb, password: hunter2-s3cret }");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:2:22: chat.slack.botToken: write the bot token as a reference, ${env:NAME} or "
                        + "${file:/path}, never inline",
                "main.yaml:3:56: chat.xmpp.password: write the password as a reference, ${env:NAME} or "
                        + "${file:/path}, never inline");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void aTokenOfTheWrongKindIsNamedByKindNeverShown() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  slack: { botToken: \"${env:APP}\", appToken: \"${env:SHORT}\" }");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:2:22: chat.slack.botToken: expected the bot token, starting with xoxb-, but the reference "
                        + "gave a token of another kind",
                "main.yaml:2:46: chat.slack.appToken: expected the app-level token, starting with xapp-, but the "
                        + "reference gave something that is not a Slack token");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret", "abc");
    }

    @Test
    void unknownKeysGetADidYouMeanAndWrongTypesSayWhatWasExpected() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  irc:", "    host: irc.example.org", "    chanels: [\"#ops\"]",
                "    port: twelve", "    tls: yes please", "    linesPerSecond: 0", "    channels: [ops]");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:4:5: chat.irc.chanels: unknown key; expected one of " + String.join(", ",
                        IrcChatConfig.KEYS) + " (did you mean 'channels'?)",
                "main.yaml:5:11: chat.irc.port: expected a whole number from 1 to 65535, got a string",
                "main.yaml:6:10: chat.irc.tls: expected true or false, got a string",
                "main.yaml:7:21: chat.irc.linesPerSecond: expected a number from 0.01 to 10000, got '0'",
                "main.yaml:8:16: chat.irc.channels[0]: expected a channel like \"#ops\" (quoted: YAML reads # as a "
                        + "comment), without spaces or commas, got 'ops'");
    }

    @Test
    void plainXmppIsOnlyAllowedToALoopbackHostAndReconnectDelaysMustBeOrdered() {
        TempConfig files = files();
        files.write("main.yaml", "chat:",
                "  xmpp: { domain: example.org, username: sb, password: \"${env:XMPP_PW}\", tls: disabled,",
                "          reconnectMin: 30s, reconnectMax: 5s }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:2:79: chat.xmpp.tls: tls: disabled is only allowed for a loopback host (127.0.0.1, ::1, "
                        + "localhost), not example.org, because the password would cross the network in clear; "
                        + "use required",
                "main.yaml:3:44: chat.xmpp.reconnectMax: reconnectMax (PT5S) is shorter than reconnectMin (PT30S); "
                        + "expected max >= min");
    }

    @Test
    void anIrcBotThatCouldHearNothingInItsChannelsIsRefused() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  irc: { host: h, commandPrefix: \"\", answerMentions: false }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:2:8: chat.irc: with no commandPrefix and answerMentions: false nothing said in IRC "
                        + "channels reaches the bot; set commandPrefix (like !) or answerMentions: true");
    }

    @Test
    void discordIsKeptAsWrittenUntilItsModuleLands() {
        TempConfig files = files();
        files.write("main.yaml", "chat:", "  discord: { url: \"https://discord.example.org\" }");

        ChatConfig chat = files.loaded("main.yaml").chat();

        assertThat(chat.others()).isEqualTo(Map.of("discord", Map.of("url", "https://discord.example.org")));
        assertThat(chat.irc()).isNull();
        assertThat(chat.slack()).isNull();
    }
}
