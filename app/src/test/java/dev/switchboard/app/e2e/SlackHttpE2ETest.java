package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.wiring.Startup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard with the web chat, Slack over the HTTP Events API (a local fake Web API; events posted signed to
 * {@code /slack/events}) and an IRC server that cannot be reached: it starts anyway, answers on Slack, shows each
 * platform in {@code /readyz}, and refuses a bad chat section naming its place. Needs no external server.
 */
class SlackHttpE2ETest {
    @TempDir
    static Path dir;
    static FakeSlackApi slack;
    static TestServer server;

    @BeforeAll
    static void start() {
        slack = new FakeSlackApi();
        server = TestServer.prepare(dir, "open");
        server.writeFile("slack-bot", FakeSlackApi.BOT_TOKEN + "\n");
        server.writeFile("slack-signing", FakeSlackApi.SIGNING_SECRET + "\n");
        server.editConfig(text -> text
                .replace("    login: open\n", "    login: open\n"
                        + "  slack: { mode: http, botToken: \"${file:slack-bot}\", signingSecret: \"${file:slack-signing}\","
                        + " apiBaseUrl: \"" + slack.apiBaseUrl() + "\" }\n"
                        + "  irc: { host: 127.0.0.1, port: " + TestServer.DEAD_PORT + ", tls: false, nick: sbdead,"
                        + " reconnectMin: 100ms, reconnectMax: 500ms }\n")
                .replace("accounts: [\"web:alice\"]", "accounts: [\"web:alice\", \"slack:T01/UALICE\"]"));
        server.restart();
        // until auth.test has answered, the adapter asks Slack to retry (503); the fake does not retry
        await().atMost(WebChatClient.WAIT).until(() -> BrowserHttp.get(server.port(), "/readyz").body()
                .contains("\"slack\":\"connected\""));
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
    }

    @Test
    void aCommandTypedInSlackIsAnsweredInTheSameChannel() {
        int status = slack.userSays(server.port(), "UALICE", "C01", "!echo hello from slack");

        assertThat(status).isEqualTo(200);
        await().atMost(WebChatClient.WAIT).until(() -> slack.posts().stream()
                .anyMatch(p -> p.channel().equals("C01") && p.text().contains("you said: hello from slack")));
    }

    @Test
    void slackUsersMapToConfiguredUsersAndStrangersAreGuests() {
        assertThat(slack.userSays(server.port(), "UALICE", "C02", "!whoami")).isEqualTo(200);
        assertThat(slack.userSays(server.port(), "UMALLORY", "C03", "!echo hi")).isEqualTo(200);

        await().atMost(WebChatClient.WAIT).until(() -> slack.posts().stream()
                .anyMatch(p -> p.channel().equals("C02") && p.text().contains("alice")));
        await().atMost(WebChatClient.WAIT).until(() -> slack.posts().stream().anyMatch(p -> p.channel().equals("C03")));
        assertThat(slack.posts()).filteredOn(p -> p.channel().equals("C03")).singleElement()
                .satisfies(p -> assertThat(p.text()).doesNotContain("you said"));
    }

    @Test
    void aWronglySignedEventIsRefusedAndNothingRuns() {
        byte[] body = "{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = slack.postSigned(server.port(), "/slack/events", body, "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("refused: X-Slack-Signature does not match");
    }

    @Test
    void anOversizedSlackRequestIsRefusedWith413() {
        HttpResponse<String> response = slack.postSigned(server.port(), "/slack/interactions",
                new byte[2 * 1024 * 1024], FakeSlackApi.SIGNING_SECRET);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void readinessListsEveryPlatformAndAnUnreachableIrcServerDoesNotMakeItUnready() {
        await().atMost(WebChatClient.WAIT).untilAsserted(() -> {
            HttpResponse<String> ready = BrowserHttp.get(server.port(), "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"", "\"web\":\"connected\"",
                    "\"slack\":\"connected\"").containsPattern("\"irc\":\"(reconnecting|failed): [^\"]+\"");
        });
        assertThat(BrowserHttp.get(server.port(), "/readyz").body()).doesNotContain(FakeSlackApi.BOT_TOKEN);
    }

    @Test
    void anAdminAsksForTheChatStatusAndSeesEveryPlatformWhileOthersAreToldWhoMay() {
        try (WebChatClient carol = server.connect("carol"); WebChatClient alice = server.connect("alice")) {
            String status = carol.ask("chat status", "platform");
            String refused = alice.ask("chat status", "admins");

            assertThat(status).contains("web", "slack", "connected").containsPattern("irc\\W+(reconnecting|failed)")
                    .doesNotContain(FakeSlackApi.BOT_TOKEN);
            assertThat(refused).isEqualTo("Only admins may see the chat platforms' status (members of admins).");
        }
    }

    @Test
    void aBadChatSectionIsRefusedAtStartNamingFileLineAndColumn(@TempDir Path other) {
        TestServer bad = TestServer.prepare(other, "open");
        bad.editConfig(text -> text.replace("    login: open\n", "    login: open\n"
                + "  irc: { host: irc.example.org, chanels: [\"#ops\"] }\n"
                + "  discord: { url: \"https://discord.example.org\" }\n"));
        int line = (int) bad.configText().lines().takeWhile(l -> !l.contains("chanels")).count() + 1;

        Startup startup = bad.boot(OptionalInt.of(0));

        assertThat(startup).isInstanceOfSatisfying(Startup.Refused.class, refused -> assertThat(refused.reasons())
                .anyMatch(r -> r.startsWith("switchboard.yaml:" + line + ":33: chat.irc.chanels: unknown key; "
                        + "expected one of ") && r.endsWith("(did you mean 'channels'?)")));
    }

    @Test
    void aPlatformWithoutAnAdapterInThisVersionIsRefusedByName(@TempDir Path other) {
        TestServer bad = TestServer.prepare(other, "open");
        bad.editConfig(text -> text.replace("    login: open\n", "    login: open\n"
                + "  discord: { url: \"https://discord.example.org\" }\n"));

        Startup startup = bad.boot(OptionalInt.of(0));

        assertThat(startup).isInstanceOfSatisfying(Startup.Refused.class, refused -> assertThat(refused.reasons())
                .containsExactly("chat.discord: the discord adapter is not part of this version (chat "
                        + "platforms here: web, irc, xmpp, slack, mattermost); remove this section"));
    }
}
