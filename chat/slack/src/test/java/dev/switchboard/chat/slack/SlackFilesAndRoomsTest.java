package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.chat.RoomCreator.Result;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Files posted as real Slack files, and incident rooms, against {@link FakeSlack}. */
class SlackFilesAndRoomsTest {
    private static final String CHANNEL = "C0OPS";
    private static final Block.File POSTMORTEM = new Block.File("INC-3-postmortem.md", "text/markdown",
            "# INC-3 checkout is down\n\n## Timeline\n- 10:02 declared by alice\n");

    private final VirtualTicker ticker = new VirtualTicker();
    private FakeSlack slack;
    private SlackChatAdapter adapter;

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
    void aFileIsUploadedIntoTheThreadAfterTheMessageWithTheOtherBlocks() throws Exception {
        start();
        ConversationRef thread = ConversationRef.of("slack", CHANNEL).inThread("1700000000.000001");

        MessageRef posted = adapter.send(thread, Reply.builder().text("Postmortem for INC-3").add(POSTMORTEM).build());

        assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsSubsequence("chat.postMessage",
                "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        assertThat(slack.shown(CHANNEL).getFirst().text()).isEqualTo("Postmortem for INC-3");
        assertThat(posted.messageId()).isEqualTo(slack.shown(CHANNEL).getFirst().ts());
        assertThat(slack.files()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("INC-3-postmortem.md");
            assertThat(file.title()).isEqualTo("INC-3-postmortem.md");
            assertThat(file.channel()).isEqualTo(CHANNEL);
            assertThat(file.threadTs()).isEqualTo("1700000000.000001");
            assertThat(file.content()).contains("# INC-3 checkout is down", "- 10:02 declared by alice");
        });
    }

    @Test
    void aReplyThatIsOnlyAFileIsJustTheFileAndAnEditOfItIsPostedAnew() throws Exception {
        start();
        ConversationRef ops = ConversationRef.of("slack", CHANNEL);

        MessageRef file = adapter.send(ops, new Reply(List.of(POSTMORTEM)));
        MessageRef edited = adapter.edit(file, Reply.text("postmortem regenerated below"));

        assertThat(file.messageId()).startsWith("file:F");
        assertThat(slack.calls()).extracting(FakeSlack.Call::method).doesNotContain("chat.update");
        assertThat(slack.shown(CHANNEL)).extracting(FakeSlack.Shown::text)
                .containsExactly(POSTMORTEM.content(), "postmortem regenerated below");
        assertThat(edited.messageId()).isEqualTo(slack.shown(CHANNEL).getLast().ts());
    }

    @Test
    void aRoomIsCreatedWithAValidNameItsPurposeAndEveryoneInvited() throws Exception {
        start();
        slack.conversations().addUsers("U0ALICE", "U0BOB");

        Result result = rooms().create("INC-42 Checkout is DOWN!", "sev1 · checkout is down · commander alice",
                List.of("T01/U0ALICE", "U0BOB"));

        FakeSlackConversations.Channel channel = slack.conversations().named("inc-42-checkout-is-down");
        assertThat(result).isEqualTo(new Result.Created(ConversationRef.of("slack", channel.id()),
                "inc-42-checkout-is-down", List.of()));
        assertThat(channel.purpose()).isEqualTo("sev1 · checkout is down · commander alice");
        assertThat(channel.members()).containsExactlyInAnyOrder(FakeSlack.BOT_USER, "U0ALICE", "U0BOB");
        assertThat(slack.calls()).filteredOn(c -> c.method().equals("conversations.invite")).hasSize(1);
    }

    @Test
    void aTakenNameIsTriedOnceMoreWithANumber() throws Exception {
        start();
        slack.conversations().existing("inc-7");

        Result result = rooms().create("inc-7", "", List.of());

        assertThat(result).isInstanceOfSatisfying(Result.Created.class,
                created -> assertThat(created.name()).matches("inc-7-[0-9]+"));
        assertThat(slack.calls()).filteredOn(c -> c.method().equals("conversations.create")).hasSize(2);
    }

    @Test
    void anUnknownInviteeIsReportedNotInvitedWhileTheOthersGetIn() throws Exception {
        start();
        slack.conversations().addUsers("U0ALICE");

        Result result = rooms().create("inc-8", "db failover", List.of("T01/U0ALICE", "T01/U0GHOST"));

        assertThat(result).isInstanceOfSatisfying(Result.Created.class,
                created -> assertThat(created.notInvited()).containsExactly("T01/U0GHOST"));
        assertThat(slack.conversations().named("inc-8").members()).contains("U0ALICE").doesNotContain("U0GHOST");
    }

    @Test
    void aRateLimitedCreateWaitsForRetryAfterAndThenSucceeds() throws Exception {
        start();
        slack.throttleNext("conversations.", 1, 3);

        Result result = rooms().create("inc-9", "", List.of());

        assertThat(result).isInstanceOf(Result.Created.class);
        List<FakeSlack.Call> creates = slack.calls().stream().filter(c -> c.method().equals("conversations.create"))
                .toList();
        assertThat(creates).extracting(FakeSlack.Call::status).containsExactly(429, 200);
        assertThat(creates.get(1).at() - creates.get(0).at()).isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aServerErrorOnCreateIsUnavailableAndCreatesNothing() throws Exception {
        start();
        slack.failNext("conversations.", 1);

        Result result = rooms().create("inc-10", "", List.of());

        assertThat(result).isInstanceOfSatisfying(Result.Unavailable.class,
                u -> assertThat(u.reason()).contains("HTTP 503").doesNotContain(FakeSlack.BOT_TOKEN));
        assertThat(slack.conversations().named("inc-10")).isNull();
    }

    @Test
    void aStoppedAdapterCannotCreateRooms() throws Exception {
        start();
        adapter.stop();

        assertThat(rooms().create("inc-11", "", List.of())).isInstanceOf(Result.Unavailable.class);
    }

    @Test
    void namesAreMadeValidForSlack() {
        assertThat(SlackRooms.validName("INC-1: Payments — Ünïcode / spaces")).isEqualTo("inc-1-payments-n-code-spaces");
        assertThat(SlackRooms.validName("inc_2-ok")).isEqualTo("inc_2-ok");
        assertThat(SlackRooms.validName("!!!")).isEqualTo("incident");
        assertThat(SlackRooms.validName("inc-" + "x".repeat(200))).hasSize(80).startsWith("inc-xxx");
    }

    private RoomCreator rooms() {
        return adapter.rooms().orElseThrow();
    }

    private void start() throws Exception {
        slack = new FakeSlack(ticker::nanoTime);
        adapter = new SlackChatAdapter(SlackSettings.socketMode(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN)
                .withApiBaseUrl(slack.apiBaseUrl()).withReconnect(Duration.ofMillis(20), Duration.ofMillis(200))
                .withRate(50), Clock.systemUTC(), ticker);
        adapter.start(message -> {});
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> adapter.health().ready());
    }
}
