package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Switchboard on four platforms at once: the web chat, a real ngIRCd, a real Prosody and Slack over the HTTP
 * Events API (a local fake Web API). The same person, alice, is {@code web:alice}, {@code irc:alice},
 * {@code xmpp:alice@<domain>} and {@code slack:T01/UALICE}: each platform's command is answered on that platform,
 * as alice — except on plain IRC, where her nick is unverified and so only a guest. Servers come from CI's environment or
 * scripts/peers; without them the test is skipped locally and fails in CI.
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
    static TestServer server;
    static WebChatClient web;
    static IrcPerson ircAlice;
    static XmppPerson xmppAlice;

    @BeforeAll
    static void start() {
        ircd = ScriptedPeer.irc();
        prosody = ScriptedPeer.xmpp();
        slack = new FakeSlackApi();
        server = TestServer.prepare(dir, "open");
        server.writeFile("xmpp-password", "ci-only-bot-password\n");
        server.writeFile("slack-bot", FakeSlackApi.BOT_TOKEN + "\n");
        server.writeFile("slack-signing", FakeSlackApi.SIGNING_SECRET + "\n");
        String xmppAliceJid = "alice@" + prosody.domain();
        server.editConfig(text -> text
                .replace("    login: open\n", "    login: open\n"
                        + "  irc: { host: " + ircd.host() + ", port: " + ircd.port() + ", tls: false, nick: " + NICK
                        + ", channels: [\"" + CHANNEL + "\"], reconnectMin: 200ms, reconnectMax: 2s }\n"
                        + "  xmpp: { domain: " + prosody.domain() + ", host: " + prosody.host() + ", port: "
                        + prosody.port() + ", username: switchboard, password: \"${file:xmpp-password}\", "
                        + "resource: e2e, tls: disabled, reconnectMin: 200ms, reconnectMax: 2s }\n"
                        + "  slack: { mode: http, botToken: \"${file:slack-bot}\", signingSecret: "
                        + "\"${file:slack-signing}\", apiBaseUrl: \"" + slack.apiBaseUrl() + "\" }\n")
                .replace("accounts: [\"web:alice\"]", "accounts: [\"web:alice\", \"irc:alice\", \"xmpp:"
                        + xmppAliceJid + "\", \"slack:T01/UALICE\"]")
                .replace("  - { allow: [\"*\"] }\n", "  - { allow: [\"*\"] }\n"
                        + "  - { restrict: [\"probe\"], verified: true }\n"));
        server.restart();
        await().atMost(WebChatClient.WAIT).untilAsserted(() -> assertThat(BrowserHttp.get(server.port(), "/readyz")
                .body()).contains("\"irc\":\"connected\"", "\"xmpp\":\"connected\"", "\"slack\":\"connected\""));
        web = server.connect("alice").join("#ops");
        ircAlice = IrcPerson.connect(ircd.host(), ircd.port(), "alice").join(CHANNEL);
        xmppAlice = XmppPerson.login(prosody, "alice", "ci-only-alice-password");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {web, ircAlice, xmppAlice, server, slack, prosody, ircd}) {
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

        await().atMost(WebChatClient.WAIT).until(() -> ircAlice.messages().contains(NICK + " " + CHANNEL + " :pong"));
        await().atMost(WebChatClient.WAIT).until(() -> xmppAlice.received().contains("pong"));
        await().atMost(WebChatClient.WAIT).until(() -> slack.posts().contains(new FakeSlackApi.Post("C01", "pong")));
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
                .filter(line -> line.endsWith("| alice | finished | echo"))).hasSize(2);
        assertThat(ircAlice.messages()).noneMatch(m -> m.contains("you said: from irc"));
    }

    @Test
    @Order(3)
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
    @Order(4)
    void stoppingTheServerTakesTheBotOffIrc() {
        assertThat(ircAlice.sees(CHANNEL, NICK)).isTrue();

        server.close();

        await().atMost(WebChatClient.WAIT).until(() -> !ircAlice.sees(CHANNEL, NICK));
    }
}
