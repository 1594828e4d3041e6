package dev.switchboard.chat.mattermost;

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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Mattermost adapter against {@link FakeMattermost}: buttons, threads, rate limits, retries, bursts, health. */
class MattermostChatAdapterTest {
    private static final String SECRET = "test-callback-secret-0123456789";

    private FakeMattermost fake;
    private ActionEndpoint endpoint;
    private MattermostChatAdapter adapter;
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private String ops;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeMattermost();
        endpoint = new ActionEndpoint();
        ops = fake.channel("ops");
        adapter = started(fake.settings().withCallback(endpoint.url(), SECRET));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.stop();
        endpoint.close();
        fake.close();
    }

    @Test
    void aButtonClickArrivesAsTheClickingUsersCommandInTheThread() throws Exception {
        String question = fake.userSays("alice", ops, "@switchboard deploy web to prod", null);
        InboundMessage asked = arrived("deploy web to prod");
        MessageRef posted = adapter.send(asked.conversation(), Reply.builder().text("needs approval")
                .buttons(new Button("Approve", "approve A-1", Button.Style.PRIMARY)).build());

        HttpResponse<String> answer = fake.click(posted.messageId(), "bob", "Approve", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("ephemeral_text").contains("approve A-1").doesNotContain(SECRET);
        InboundMessage click = arrived("approve A-1");
        assertThat(click.user().id()).isEqualTo(fake.user("bob").id());
        assertThat(click.user().verified()).isTrue();
        assertThat(click.conversation()).isEqualTo(new ConversationRef("mattermost", ops, question));
    }

    @Test
    void aCallbackWithAWrongOrMissingSecretIsRefusedAndDeliversNothing() throws Exception {
        MessageRef posted = adapter.send(ConversationRef.of("mattermost", ops), Reply.builder().text("job 7")
                .buttons(new Button("Cancel", "cancel 7", Button.Style.DANGER)).build());
        ObjectNode forged = JsonMapper.builder().build().createObjectNode().put("command", "cancel 7")
                .put("secret", "guessed-secret-0123456789");
        ObjectNode missing = JsonMapper.builder().build().createObjectNode().put("command", "cancel 7");

        HttpResponse<String> wrong = fake.click(posted.messageId(), "mallory", "Cancel", forged);
        HttpResponse<String> none = fake.click(posted.messageId(), "mallory", "Cancel", missing);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        fake.userSays("alice", ops, "!marker", null);
        arrived("marker");
        assertThat(received).extracting(InboundMessage::text).doesNotContain("cancel 7");
    }

    @Test
    void aRateLimitedPostWaitsForRetryAfterAndIsThenShown() {
        fake.rateLimitNext(1, 1);

        adapter.send(ConversationRef.of("mattermost", ops), Reply.text("after the limit"));

        assertThat(fake.shownIn(ops)).containsExactly("after the limit");
        List<FakeMattermost.Call> posts = fake.calls().stream().filter(c -> c.path().equals("/api/v4/posts")).toList();
        assertThat(posts).extracting(FakeMattermost.Call::status).containsExactly(429, 201);
        assertThat(Duration.ofNanos(posts.get(1).at() - posts.get(0).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aBurstOfThirtyRepliesArrivesCompleteAndInOrder() throws Exception {
        // The first post waits out a 2 s rate limit; the other 29 queue behind it meanwhile, in a known order.
        fake.rateLimitNext(1, 2);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add("reply " + i);
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MessageRef>> sent = new ArrayList<>();
            for (String text : expected) {
                int before = sent.size();
                sent.add(senders.submit(() -> adapter.send(ConversationRef.of("mattermost", ops), Reply.text(text))));
                await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> adapter.queuedPosts() == before + 1);
            }
            for (Future<MessageRef> future : sent) {
                future.get();
            }
        }
        assertThat(fake.shownIn(ops)).containsExactlyElementsOf(expected);
        assertThat(fake.calls()).filteredOn(c -> c.path().equals("/api/v4/posts"))
                .extracting(FakeMattermost.Call::status).startsWith(429).hasSize(31);
    }

    @Test
    void serverErrorsAreRetriedWithoutPostingTwice() {
        fake.failNext(3);

        adapter.send(ConversationRef.of("mattermost", ops), Reply.text("eventually"));

        assertThat(fake.shownIn(ops)).containsExactly("eventually");
        assertThat(fake.calls()).extracting(FakeMattermost.Call::status).containsSubsequence(503, 503, 503, 201);
    }

    @Test
    void aPostThatKeepsFailingThrowsAndHealthSaysWhy() {
        fake.failNext(100);

        assertThatThrownBy(() -> adapter.send(ConversationRef.of("mattermost", ops), Reply.text("lost?")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("after 6 attempts").hasMessageContaining("503")
                .hasMessageNotContaining(FakeMattermost.TOKEN);
        assertThat(adapter.health().lastError()).contains("after 6 attempts");
    }

    @Test
    void aReplyInAThreadStaysThereAndADirectReplyIsNotThreaded() {
        String root = fake.userSays("alice", ops, "@switchboard status", null);
        fake.userSays("alice", ops, "@switchboard: status web", root);
        String dm = fake.directChannel("alice");
        fake.userSays("alice", dm, "whoami", null);

        InboundMessage inThread = arrived("status web");
        InboundMessage direct = arrived("whoami");
        adapter.send(inThread.conversation(), Reply.text("web is up"));
        adapter.send(direct.conversation(), Reply.text("you are alice"));

        assertThat(fake.posts(ops).getLast().rootId()).isEqualTo(root);
        assertThat(direct.direct()).isTrue();
        assertThat(fake.posts(dm).getLast().rootId()).isEmpty();
    }

    @Test
    void editingReplacesTextAndRemovesButtonsTheNewContentLacks() {
        MessageRef posted = adapter.send(ConversationRef.of("mattermost", ops), Reply.builder().text("running")
                .buttons(Button.of("Cancel", "cancel 3")).build());

        adapter.edit(posted, Reply.text("finished"));

        assertThat(fake.shownIn(ops)).containsExactly("finished");
    }

    @Test
    void aRefusedTokenKeepsTheAdapterUnreadyAndSaysWhy() {
        MattermostChatAdapter wrong = new MattermostChatAdapter(MattermostSettings.of(fake.url(), "not-the-token-123")
                .withWebsocketUrl(fake.websocketUrl()).withReconnect(Duration.ofMillis(10), Duration.ofMillis(20)));
        wrong.start(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(wrong.health().state()).isEqualTo(AdapterHealth.State.FAILED);
                assertThat(wrong.health().lastError()).contains("refused the bot token").doesNotContain("not-the-token");
            });
        } finally {
            wrong.stop();
        }
    }

    @Test
    void withoutACallbackUrlButtonsBecomeCommandsToType() {
        MattermostChatAdapter plain = started(fake.settings());
        try {
            assertThat(plain.capabilities().buttons()).isFalse();
            plain.send(ConversationRef.of("mattermost", ops), Reply.builder().text("job 9")
                    .buttons(Button.of("Cancel", "cancel 9")).build());
            assertThat(fake.shownIn(ops).getLast()).contains("Cancel: type `cancel 9`");
            assertThat(fake.posts(ops).getLast().props().path("attachments").isMissingNode()).isTrue();
        } finally {
            plain.stop();
        }
    }

    private MattermostChatAdapter started(MattermostSettings settings) {
        MattermostChatAdapter started = new MattermostChatAdapter(settings);
        endpoint.serve(started);
        started.start(received::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.health().ready());
        return started;
    }

    private InboundMessage arrived(String text) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(
                () -> received.stream().filter(m -> m.text().equals(text)).findFirst().orElse(null), m -> m != null);
    }
}
