package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.AdapterGateway;
import dev.switchboard.core.chat.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter in Socket Mode against {@link FakeSlack}: redeliveries, pacing, rate limits, clicks, threads. */
class SlackChatAdapterTest {
    private static final String CHANNEL = "C0OPS";
    private static final ConversationRef OPS = ConversationRef.of("slack", CHANNEL);

    private FakeSlack slack;
    private SlackChatAdapter adapter;
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (adapter != null) {
            adapter.stop();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void anEventRedeliveredWithRetryAttemptArrivesWithTheSameEventIdAndIsHandledOnce() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);
        List<InboundMessage> handled = new CopyOnWriteArrayList<>();
        adapter.stop();
        received.clear();
        try (Dispatcher dispatcher = new Dispatcher(m -> {
            received.add(m);
            handled.add(m);
        }, new AdapterGateway(List.of(adapter)), Dispatcher.Settings.defaults())) {
            // Count what the adapter hands on, before the dispatcher drops repeats.
            List<InboundMessage> handedOn = new CopyOnWriteArrayList<>();
            adapter.start(m -> {
                handedOn.add(m);
                dispatcher.accept(m);
            });
            waiting().until(() -> adapter.health().ready());
            slack.socketMode().ignoreAcks(true);
            slack.userSays("U0ALICE", "D0ALICE", null, "restart billing");
            waiting().until(() -> handedOn.size() == 1);
            // The ack races the hand-on: wait until the fake has read (and ignored) it before listening again.
            waiting().until(() -> slack.socketMode().ignoredAcks().size() == 1);

            slack.socketMode().ignoreAcks(false);
            slack.socketMode().dropConnections();

            waiting().until(() -> handedOn.size() == 2);
            assertThat(slack.socketMode().pushed()).extracting(e -> e.get("retry_attempt").asInt()).contains(1);
            assertThat(handedOn.get(1).eventId()).isEqualTo(handedOn.get(0).eventId());
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handled.size() == 1);
            assertThat(handled.getFirst().text()).isEqualTo("restart billing");
        }
    }

    @Test
    void aBurstOfFiftyRepliesToOneChannelGoesOutOnePerSecondInOrder() throws Exception {
        VirtualTicker ticker = new VirtualTicker();
        start(new FakeSlack(ticker::nanoTime), (s, ignored) -> s, ticker);

        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            senders.add(Thread.ofVirtual().start(() -> adapter.send(OPS, Reply.text("reply " + n))));
            // The next reply is handed over only once this one is queued or posted, fixing the order.
            waiting().until(() -> adapter.acceptedForSending() == n + 1);
        }
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(30));
        }

        List<FakeSlack.Shown> shown = slack.shown(CHANNEL);
        assertThat(shown).extracting(FakeSlack.Shown::text)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "reply " + i).toList());
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i).acceptedAt() - shown.get(i - 1).acceptedAt())
                    .as("gap before reply %d", i).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        assertThat(shown.getLast().acceptedAt() - shown.getFirst().acceptedAt())
                .isLessThan(Duration.ofSeconds(60).toNanos());
    }

    @Test
    void repliesToOneChannelArePacedInRealTime() throws Exception {
        start(new FakeSlack(), (s, ignored) -> s.withRate(20), Ticker.SYSTEM);

        for (int i = 0; i < 10; i++) {
            adapter.send(OPS, Reply.text("line " + i));
        }

        List<FakeSlack.Shown> shown = slack.shown(CHANNEL);
        assertThat(shown).extracting(FakeSlack.Shown::text)
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "line " + i).toList());
        // Calls start 50 ms apart at 20/s; arrival stamps jitter with each call's latency, so bound the whole span.
        assertThat(shown.getLast().acceptedAt() - shown.getFirst().acceptedAt())
                .isGreaterThanOrEqualTo(Duration.ofMillis(9 * 50 - 30).toNanos());
    }

    @Test
    void aRateLimitedPostWaitsForRetryAfterAndThenArrives() throws Exception {
        start(new FakeSlack(), (s, ignored) -> s.withRate(50), Ticker.SYSTEM);
        slack.throttleNext(1, 1);

        adapter.send(OPS, Reply.text("after the limit"));

        List<FakeSlack.Call> posts = slack.calls().stream().filter(c -> c.method().equals("chat.postMessage"))
                .toList();
        assertThat(posts).extracting(FakeSlack.Call::status).containsExactly(429, 200);
        assertThat(posts.get(1).at() - posts.get(0).at()).isGreaterThanOrEqualTo(Duration.ofMillis(990).toNanos());
        assertThat(slack.shown(CHANNEL)).extracting(FakeSlack.Shown::text).containsExactly("after the limit");
    }

    @Test
    void serverErrorsAreRetriedAndAfterTheBoundTheSendFailsAndHealthSaysWhy() throws Exception {
        start(new FakeSlack(), (s, ignored) -> s.withSendLimits(3, Duration.ofMinutes(1)), new VirtualTicker());
        slack.failNext(2);
        adapter.send(OPS, Reply.text("third time lucky"));
        assertThat(slack.shown(CHANNEL)).extracting(FakeSlack.Shown::text).containsExactly("third time lucky");

        slack.failNext(10);
        assertThatThrownBy(() -> adapter.send(OPS, Reply.text("never shown")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("failed after 3 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(adapter.health().lastError()).contains("chat.postMessage to C0OPS failed after 3 attempts");
        assertThat(adapter.health().lastError()).doesNotContain(FakeSlack.BOT_TOKEN);
    }

    @Test
    void aButtonClickArrivesAsTheClickingUsersCommand() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);
        MessageRef posted = adapter.send(OPS, Reply.builder().text("deploy web to prod needs approval (A-1)")
                .buttons(new Button("Approve", "approve A-1", Button.Style.PRIMARY)).build());

        slack.userClicks("U0BOB", CHANNEL, posted.messageId(), "switchboard.button.1.0");

        InboundMessage click = waiting().until(() -> received.stream()
                .filter(m -> m.text().equals("approve A-1")).findFirst().orElse(null), m -> m != null);
        assertThat(click.user().id()).isEqualTo("T01/U0BOB");
        assertThat(click.user().verified()).isTrue();
        assertThat(click.conversation()).isEqualTo(OPS);
        assertThat(click.eventId()).startsWith("click:");
    }

    @Test
    void aQuestionAskedInAThreadIsAnsweredInThatThread() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);
        String parent = slack.userSays("U0ALICE", CHANNEL, null, "the deploy looks stuck");

        slack.userSays("U0ALICE", CHANNEL, parent, "<@UBOT> status web");
        InboundMessage asked = arrived("status web");
        adapter.send(asked.conversation(), Reply.text("web is healthy"));

        assertThat(asked.conversation().thread()).isEqualTo(parent);
        assertThat(slack.shown(CHANNEL)).filteredOn(m -> m.text().equals("web is healthy"))
                .singleElement().extracting(FakeSlack.Shown::threadTs).isEqualTo(parent);
    }

    @Test
    void aChannelMentionIsDeliveredOnceThoughSlackSendsItAsTwoEvents() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);

        slack.userSays("U0ALICE", CHANNEL, null, "<@UBOT> whoami");
        arrived("whoami");
        waiting().until(() -> slack.socketMode().acks().size() >= 2);

        assertThat(received).filteredOn(m -> m.text().equals("whoami")).hasSize(1);
    }

    @Test
    void aPrefixedChannelMessageArrivesAndChatterDoesNot() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);

        slack.userSays("U0ALICE", CHANNEL, null, "is anyone deploying?");
        slack.userSays("U0ALICE", CHANNEL, null, "!jobs");

        assertThat(arrived("jobs").direct()).isFalse();
        waiting().until(() -> slack.socketMode().acks().size() >= 2);
        assertThat(received).extracting(InboundMessage::text).containsExactly("jobs");
    }

    @Test
    void aDisconnectRequestMakesTheAdapterReconnectAndEventsKeepComing() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);

        slack.socketMode().askToReconnect();

        waiting().until(() -> slack.socketMode().connectionCount() == 2 && adapter.health().ready());
        slack.userSays("U0ALICE", "D0ALICE", null, "help");
        assertThat(arrived("help").direct()).isTrue();
    }

    @Test
    void aSocketThatStaysOpenButAnswersNoPingIsReplacedAndTheEventsFlowAgain() throws Exception {
        // Reconnecting waits at least 250 ms, so the test sees the health in between.
        start(new FakeSlack(), (settings, rate) -> settings.withRate(rate).withKeepAlive(Duration.ofSeconds(1))
                .withReconnect(Duration.ofMillis(500), Duration.ofSeconds(1)), Ticker.SYSTEM);
        // Pings answered: several keep-alive periods pass on one connection.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(slack.socketMode().connectionCount()).isEqualTo(1);
        List<AdapterHealth> seen = new CopyOnWriteArrayList<>();

        slack.socketMode().freeze();
        slack.userSays("U0ALICE", "D0ALICE", null, "status web");

        waiting(Duration.ofSeconds(10)).until(() -> {
            seen.add(adapter.health());
            return slack.socketMode().connectionCount() == 2 && adapter.health().ready();
        });
        assertThat(seen).anySatisfy(health -> {
            assertThat(health.state()).isEqualTo(AdapterHealth.State.RECONNECTING);
            assertThat(health.lastError()).matches("no answer to pings from 127\\.0\\.0\\.1 for [0-9.]+ s; reconnecting");
        });
        assertThat(arrived("status web").direct()).isTrue();
        slack.userSays("U0ALICE", "D0ALICE", null, "help");
        assertThat(arrived("help").direct()).isTrue();
    }

    @Test
    void aLongReplyIsAShortMessagePlusASnippetFile() throws Exception {
        start(new FakeSlack(), SlackSettings::withRate, Ticker.SYSTEM);
        String log = "line\n".repeat(1_000);

        adapter.send(OPS, Reply.builder().code(log).build());

        assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsSubsequence("chat.postMessage",
                "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        List<FakeSlack.Shown> shown = slack.shown(CHANNEL);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).text()).hasSizeLessThan(400).contains("the full text is in the attached file");
        assertThat(shown.get(1).text()).contains(log.strip());
    }

    @Test
    void aRefusedBotTokenEndsInFailedWithTheReasonAndNoToken() throws Exception {
        slack = new FakeSlack();
        adapter = new SlackChatAdapter(new SlackSettings("xoxb-wrong-token-1", FakeSlack.APP_TOKEN, null,
                SlackSettings.Mode.SOCKET, slack.apiBaseUrl(), "!", 1, 3_000, Duration.ofMillis(5),
                Duration.ofMillis(20), 3, Duration.ofSeconds(5)));
        adapter.start(received::add);

        waiting().until(() -> adapter.health().state() == AdapterHealth.State.FAILED);
        assertThat(adapter.health().lastError()).contains("invalid_auth").doesNotContain("wrong-token");
    }

    private interface Tuning {
        SlackSettings apply(SlackSettings settings, double rate);
    }

    private void start(FakeSlack fake, Tuning tuning, Ticker ticker) {
        slack = fake;
        SlackSettings settings = SlackSettings.socketMode(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN)
                .withApiBaseUrl(slack.apiBaseUrl()).withReconnect(Duration.ofMillis(20), Duration.ofMillis(200));
        adapter = new SlackChatAdapter(tuning.apply(settings, 50), Clock.systemUTC(), ticker);
        adapter.start(received::add);
        waiting().until(() -> adapter.health().ready());
    }

    private InboundMessage arrived(String text) {
        return waiting().until(() -> received.stream().filter(m -> m.text().equals(text)).findFirst().orElse(null),
                m -> m != null);
    }

    private static ConditionFactory waiting() {
        return waiting(Duration.ofSeconds(10));
    }

    private static ConditionFactory waiting(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }
}
