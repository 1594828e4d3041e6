package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.testkit.contract.ChatAdapterContract;
import dev.switchboard.testkit.contract.PlatformDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The XMPP adapter against a real Prosody: the adapter contract, plus crashes, history and identities. */
class XmppChatAdapterIT {
    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static TestProsody prosody;

    @BeforeAll
    static void startProsody() {
        prosody = TestProsody.obtain();
    }

    @AfterAll
    static void stopProsody() {
        if (prosody != null) {
            prosody.close();
        }
    }

    /** A room name no earlier run used, so nothing is left in it. */
    private static String freshRoom(TestProsody server, String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + ROOMS.incrementAndGet() + "@" + server.muc();
    }

    private static XmppSettings.Builder settings(TestProsody server, String host, int port, List<String> rooms) {
        return XmppSettings.builder(server.domain(), TestProsody.BOT, TestProsody.BOT_PASSWORD)
                .host(host, port).rooms(rooms).tls(XmppSettings.TlsMode.DISABLED)
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(500)).replyTimeout(Duration.ofSeconds(5));
    }

    @Nested
    class Contract extends ChatAdapterContract {
        private final String channel = freshRoom(prosody, "contract");
        private final String other = freshRoom(prosody, "elsewhere");
        private TcpCutter cutter;
        private XmppPeople people;

        @Override
        protected ChatAdapter newAdapter() {
            try {
                cutter = new TcpCutter(prosody.host(), prosody.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new XmppChatAdapter(settings(prosody, "127.0.0.1", cutter.port(), List.of(channel, other))
                    .maxMessageLength(500).build());
        }

        @Override
        protected PlatformDriver driver() {
            people = new XmppPeople(prosody, List.of(channel, other), cutter::cut).with("alice").with("bob");
            return people;
        }

        @AfterEach
        void closeThePeople() {
            people.close();
            cutter.close();
        }

        @Override protected String selfUser() { return TestProsody.BOT; }
        @Override protected String channel() { return channel; }
        @Override protected String otherChannel() { return other; }
        @Override protected String directConversation(String user) { return user + "@" + prosody.domain(); }
        @Override protected Duration patience() { return Duration.ofSeconds(15); }

        @Test
        void roomUsersAreTheirVerifiedAccountsAndDirectReplysReachThePerson() {
            String command = unique("whoami");
            platform.userSays(user(), channel(), command);
            InboundMessage asked = arrived(command);
            assertThat(asked.user().id()).isEqualTo("alice@" + prosody.domain());
            assertThat(asked.user().displayName()).isEqualTo("alice");
            assertThat(asked.user().verified()).isTrue();

            String answer = unique("you are alice");
            adapter.send(ConversationRef.of("xmpp", directConversation(user())), Reply.text(answer));
            awaitShown(directConversation(user()), answer);
        }

        @Test
        void roomLinesWithoutThePrefixOrAMentionAreNotCommands() {
            people.userSays(user(), channel(), "");  // just "!": an empty command is still addressed
            String chatter = unique("lunch anyone?");
            String mention = unique("status db");
            people.sayPlain(user(), channel(), chatter);
            people.sayPlain(user(), channel(), TestProsody.BOT + ": " + mention);

            assertThat(arrived(mention).conversation().id()).isEqualTo(channel());
            assertThat(received).extracting(InboundMessage::text).noneMatch(t -> t.contains(chatter));
        }
    }

    @Test
    void afterAServerCrashTheAdapterRejoinsAndDeliversWhatWasQueuedButNotTheRoomHistory() throws Exception {
        try (TestProsody own = TestProsody.startOwn()) {
            String room = freshRoom(own, "ops");
            List<InboundMessage> received = new CopyOnWriteArrayList<>();
            XmppChatAdapter adapter = new XmppChatAdapter(
                    settings(own, own.host(), own.port(), List.of(room)).build());
            adapter.start(received::add);
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> adapter.health().ready());
                own.kill();
                await().atMost(Duration.ofSeconds(10)).until(() -> !adapter.health().ready());
                assertThat(adapter.health().state()).isEqualTo(AdapterHealth.State.RECONNECTING);
                assertThat(adapter.health().lastError()).isNotBlank().doesNotContain(TestProsody.BOT_PASSWORD);

                adapter.send(ConversationRef.of("xmpp", room), Reply.text("queued while the server was down"));
                own.restart();

                try (XmppPeople people = new XmppPeople(own, List.of(room), null).with("alice")) {
                    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                            assertThat(people.shownIn(room)).contains("queued while the server was down"));
                    people.userSays("alice", room, "status web");
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(received).extracting(InboundMessage::text).contains("status web"));

                    // The room now has a command in its history; a restarted adapter must not run it again.
                    adapter.stop();
                    received.clear();
                    adapter.start(received::add);
                    await().atMost(Duration.ofSeconds(15)).until(() -> adapter.health().ready());
                    people.userSays("alice", room, "after the restart");
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(received).extracting(InboundMessage::text).contains("after the restart"));
                    assertThat(received).extracting(InboundMessage::text).doesNotContain("status web");
                }
            } finally {
                adapter.stop();
            }
        }
    }

    @Test
    void aWrongPasswordIsReportedAsFailedWithoutThePassword() {
        XmppChatAdapter adapter = new XmppChatAdapter(XmppSettings.builder(prosody.domain(), TestProsody.BOT,
                        "Wrong-Secret-123").host(prosody.host(), prosody.port()).tls(XmppSettings.TlsMode.DISABLED)
                .reconnect(Duration.ofMillis(100), Duration.ofSeconds(1)).build());
        adapter.start(message -> { });
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> adapter.health().state() == AdapterHealth.State.FAILED);
            assertThat(adapter.health().lastError()).contains("login refused").doesNotContain("Wrong-Secret-123");
        } finally {
            adapter.stop();
        }
        assertThat(adapter.health().state()).isEqualTo(AdapterHealth.State.STOPPED);
    }
}
