package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.chat.mattermost.FakeMattermost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Switchboard on five platforms at once: the web chat, a real ngIRCd, a real Prosody, Slack over the HTTP
 * Events API (a local fake Web API) and Mattermost (a local fake REST API and WebSocket, buttons on). The same
 * person, alice, is {@code web:alice}, {@code irc:alice}, {@code xmpp:alice@<domain>}, {@code slack:T01/UALICE} and
 * {@code mattermost:<her user id>}: each platform's command is answered on that platform, as alice — except on
 * plain IRC, where her nick is unverified and so only a guest — and a Mattermost button runs as whoever clicks it.
 * Servers come from CI's environment or scripts/peers; without them the test is skipped locally and fails in CI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatPlatformsE2EIT {
    private static final String NICK = "sbe2e";
    private static final String CHANNEL = "#e2e";

    @TempDir
    static Path dir;
    static ScriptedPeer ircd;
    static ScriptedPeer prosody;
    static FakeSlackApi slack;
    static FakeMattermost mattermost;
    static String ops;
    static TestServer server;
    static WebChatClient web;
    static IrcPerson ircAlice;
    static XmppPerson xmppAlice;

    @BeforeAll
    static void start() throws Exception {
        ircd = ScriptedPeer.irc();
        prosody = ScriptedPeer.xmpp();
        slack = new FakeSlackApi();
        mattermost = new FakeMattermost();
        ops = mattermost.channel("ops");
        server = TestServer.prepare(dir, "open");
        int port = TestServer.freePort();
        server.writeFile("xmpp-password", "ci-only-bot-password\n");
        server.writeFile("slack-bot", FakeSlackApi.BOT_TOKEN + "\n");
        server.writeFile("slack-signing", FakeSlackApi.SIGNING_SECRET + "\n");
        server.writeFile("mm-token", FakeMattermost.TOKEN + "\n");
        server.writeFile("mm-callback", "e2e-mattermost-callback-secret-42\n");
        String xmppAliceJid = "alice@" + prosody.domain();
        server.editConfig(text -> text
                .replace("    login: open\n", "    login: open\n"
                        + "  irc: { host: " + ircd.host() + ", port: " + ircd.port() + ", tls: false, nick: " + NICK
                        + ", channels: [\"" + CHANNEL + "\"], reconnectMin: 200ms, reconnectMax: 2s }\n"
                        + "  xmpp: { domain: " + prosody.domain() + ", host: " + prosody.host() + ", port: "
                        + prosody.port() + ", username: switchboard, password: \"${file:xmpp-password}\", "
                        + "resource: e2e, tls: disabled, reconnectMin: 200ms, reconnectMax: 2s }\n"
                        + "  slack: { mode: http, botToken: \"${file:slack-bot}\", signingSecret: "
                        + "\"${file:slack-signing}\", apiBaseUrl: \"" + slack.apiBaseUrl() + "\" }\n"
                        + "  mattermost: { serverUrl: \"" + mattermost.url() + "\", websocketUrl: \""
                        + mattermost.websocketUrl() + "\", botToken: \"${file:mm-token}\", callbackUrl: "
                        + "\"http://127.0.0.1:" + port + "/mattermost/actions\", callbackSecret: "
                        + "\"${file:mm-callback}\", reconnectMin: 100ms, reconnectMax: 1s }\n")
                .replace("accounts: [\"web:alice\"]", "accounts: [\"web:alice\", \"irc:alice\", \"xmpp:"
                        + xmppAliceJid + "\", \"slack:T01/UALICE\", \"mattermost:" + mattermost.user("alice").id()
                        + "\"]")
                .replace("  - { allow: [\"*\"] }\n", "  - { allow: [\"*\"] }\n"
                        + "  - { restrict: [\"probe\"], verified: true }\n"));
        server.restartOn(port);
        await().atMost(WebChatClient.WAIT).untilAsserted(() -> assertThat(BrowserHttp.get(server.port(), "/readyz")
                .body()).contains("\"irc\":\"connected\"", "\"xmpp\":\"connected\"", "\"slack\":\"connected\"",
                        "\"mattermost\":\"connected\""));
        web = server.connect("alice").join("#ops");
        ircAlice = IrcPerson.connect(ircd.host(), ircd.port(), "alice").join(CHANNEL);
        xmppAlice = XmppPerson.login(prosody, "alice", "ci-only-alice-password");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {web, ircAlice, xmppAlice, server, mattermost, slack,
                prosody, ircd}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    @Order(1)
    void pingIsAnsweredOnEveryPlatformWhereItWasAsked() {
        assertThat(web.ask("ping", "pong")).isEqualTo("pong");

        ircAlice.say(CHANNEL, "!ping");
        xmppAlice.tell("switchboard@" + prosody.domain(), "ping");
        slack.userSays(server.port(), "UALICE", "C01", "!ping");
        mattermost.userSays("alice", ops, "!ping", null);

        await().atMost(WebChatClient.WAIT).until(() -> ircAlice.messages().contains(NICK + " " + CHANNEL + " :pong"));
        await().atMost(WebChatClient.WAIT).until(() -> xmppAlice.received().contains("pong"));
        await().atMost(WebChatClient.WAIT).until(() -> slack.posts().contains(new FakeSlackApi.Post("C01", "pong")));
        await().atMost(WebChatClient.WAIT).until(() -> mattermost.shownIn(ops).contains("pong"));
    }

    @Test
    @Order(2)
    void aliceIsTheSameUserOnEveryPlatformThatVerifiesHerAndAGuestOnPlainIrc() {
        ircAlice.say(CHANNEL, "!echo from irc");
        xmppAlice.tell("switchboard@" + prosody.domain(), "echo from xmpp");
        slack.userSays(server.port(), "UALICE", "C02", "!echo from slack");

        // ngIRCd sends no account tags, so anyone could be "alice" there: her nick gets guest rights only
        await().atMost(WebChatClient.WAIT).until(() -> ircAlice.messages().stream()
                .anyMatch(m -> m.startsWith(NICK + " " + CHANNEL + " :Denied: irc:alice is not verified")));
        await().atMost(WebChatClient.WAIT).until(() -> xmppAlice.received().contains("you said: from xmpp"));
        await().atMost(WebChatClient.WAIT).until(() -> slack.posts()
                .contains(new FakeSlackApi.Post("C02", "you said: from slack")));
        // the audit log has one user behind XMPP and Slack: alice finished echo twice, once per platform
        assertThat(web.ask("audit user:alice command:echo type:finished", "echo").lines()
                .filter(line -> line.contains("| alice | finished | echo |"))).hasSize(2);
        assertThat(ircAlice.messages()).noneMatch(m -> m.contains("you said: from irc"));
    }

    @Test
    @Order(3)
    void aMattermostButtonRunsAsTheUserWhoClicksIt() throws Exception {
        String asked = mattermost.userSays("alice", ops, "!nap 60", null);
        FakeMattermost.Post job = await().atMost(WebChatClient.WAIT).until(() -> mattermost.posts(ops).stream()
                .filter(p -> p.rootId().equals(asked) && hasButton(p, "Cancel")).findFirst(), o -> o.isPresent())
                .orElseThrow();

        // a stranger's click is their own command: a guest may not cancel, so the job keeps running
        assertThat(mattermost.click(job.id(), "mallory", "Cancel", null).statusCode()).isEqualTo(200);
        await().atMost(WebChatClient.WAIT).until(() -> mattermost.shownIn(ops).stream()
                .anyMatch(shown -> shown.startsWith("Denied")));
        assertThat(mattermost.shownIn(ops)).noneMatch(shown -> shown.contains("cancelled by"));

        assertThat(mattermost.click(job.id(), "alice", "Cancel", null).statusCode()).isEqualTo(200);
        await().atMost(WebChatClient.WAIT).until(() -> mattermost.shownIn(ops).stream()
                .anyMatch(shown -> shown.contains("nap 60 cancelled by alice")));
        assertThat(web.ask("audit user:alice command:cancel", "cancel").lines()
                .filter(line -> line.contains("| alice | finished | cancel |"))).hasSize(1);
    }

    @Test
    @Order(4)
    void anUnknownIrcNickIsAGuestAndAnUnverifiedNickCannotRunAVerifiedOnlyCommand() {
        try (IrcPerson mallory = IrcPerson.connect(ircd.host(), ircd.port(), "mallory").join(CHANNEL)) {
            mallory.say(CHANNEL, "!echo let me in");
            ircAlice.say(CHANNEL, "!probe");

            await().atMost(WebChatClient.WAIT).until(() -> ircAlice.messages().stream()
                    .anyMatch(m -> m.startsWith(NICK + " " + CHANNEL + " :") && m.contains("not verified")));
            await().atMost(WebChatClient.WAIT).until(() -> mallory.messages().stream()
                    .anyMatch(m -> m.startsWith(NICK + " ") && m.contains("mallory")));
            assertThat(mallory.messages()).noneMatch(m -> m.contains("you said: let me in"));
        }
    }

    @Test
    @Order(5)
    void stoppingTheServerTakesTheBotOffIrc() {
        assertThat(ircAlice.sees(CHANNEL, NICK)).isTrue();

        server.close();

        await().atMost(WebChatClient.WAIT).until(() -> !ircAlice.sees(CHANNEL, NICK));
    }

    private static boolean hasButton(FakeMattermost.Post post, String label) {
        for (var attachment : post.props().path("attachments")) {
            for (var action : attachment.path("actions")) {
                if (action.path("name").asString("").equals(label)) {
                    return true;
                }
            }
        }
        return false;
    }
}
