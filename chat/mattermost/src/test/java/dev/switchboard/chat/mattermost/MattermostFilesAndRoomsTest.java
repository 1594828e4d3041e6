package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.chat.RoomCreator.Result;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files attached to posts and incident channels, against {@link FakeMattermost}. */
class MattermostFilesAndRoomsTest {
    private static final Block.File POSTMORTEM = new Block.File("INC-3-postmortem.md", "text/markdown",
            "# INC-3 checkout is down\n\n| when | what |\n|---|---|\n| 10:02 | declared |\n");

    private FakeMattermost fake;
    private MattermostChatAdapter adapter;
    private String ops;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeMattermost();
        ops = fake.channel("ops");
        adapter = started(fake.settings());
    }

    @AfterEach
    void stop() throws Exception {
        adapter.stop();
        fake.close();
    }

    @Test
    void aFileIsUploadedAndAttachedToThePostWithTheOtherBlocks() {
        MessageRef posted = adapter.send(ConversationRef.of("mattermost", ops),
                Reply.builder().text("Postmortem for INC-3").add(POSTMORTEM).build());

        FakeMattermost.Post post = fake.post(posted.messageId());
        assertThat(post.message()).isEqualTo("Postmortem for INC-3");
        assertThat(post.fileIds()).hasSize(1);
        FakeMattermostChannels.UploadedFile file = fake.channelApi().file(post.fileIds().getFirst());
        assertThat(file.name()).isEqualTo("INC-3-postmortem.md");
        assertThat(file.mimeType()).isEqualTo("text/markdown");
        assertThat(file.content()).isEqualTo(POSTMORTEM.content());
        assertThat(fake.calls()).extracting(FakeMattermost.Call::path).containsSubsequence("/api/v4/files",
                "/api/v4/posts");
        assertThat(adapter.capabilities().files()).isTrue();
    }

    @Test
    void anEditThatBringsAFilePostsTheFileInTheSameThread() {
        String root = fake.userSays("alice", ops, "incident postmortem INC-3", null);
        ConversationRef thread = new ConversationRef("mattermost", ops, root);
        MessageRef posted = adapter.send(thread, Reply.text("writing the postmortem…"));

        adapter.edit(posted, Reply.builder().text("postmortem ready").add(POSTMORTEM).build());

        assertThat(fake.post(posted.messageId()).message()).isEqualTo("postmortem ready");
        FakeMattermost.Post withFile = fake.posts(ops).getLast();
        assertThat(withFile.rootId()).isEqualTo(root);
        assertThat(fake.shownIn(ops).getLast()).contains("[file INC-3-postmortem.md]");
    }

    @Test
    void aRoomIsAChannelInTheTeamWithItsPurposeAndMembers() {
        String alice = fake.user("alice").id();
        String bob = fake.user("bob").id();

        Result result = rooms().create("INC-42 Checkout is DOWN!", "sev1 · checkout · commander alice",
                List.of(alice, bob));

        FakeMattermostChannels.Room room = fake.channelApi().room("inc-42-checkout-is-down");
        assertThat(result).isEqualTo(new Result.Created(ConversationRef.of("mattermost", room.id()),
                "inc-42-checkout-is-down", List.of()));
        assertThat(room.displayName()).isEqualTo("INC-42 Checkout is DOWN!");
        assertThat(room.purpose()).isEqualTo("sev1 · checkout · commander alice");
        assertThat(room.teamId()).isEqualTo(fake.channelApi().teamId());
        assertThat(room.members()).contains(alice, bob);
        adapter.send(((Result.Created) result).room(), Reply.text("this is the room for INC-42"));
        assertThat(fake.shownIn(room.id())).containsExactly("this is the room for INC-42");
    }

    @Test
    void aTakenNameIsTriedOnceMoreWithANumber() {
        fake.channelApi().existing("inc-7");

        Result result = rooms().create("inc-7", "", List.of());

        assertThat(result).isInstanceOfSatisfying(Result.Created.class,
                created -> assertThat(created.name()).matches("inc-7-[0-9]+"));
        assertThat(fake.calls()).filteredOn(c -> c.path().equals("/api/v4/channels")).extracting(FakeMattermost.Call::status)
                .containsExactly(400, 201);
    }

    @Test
    void anUnknownInviteeIsReportedNotInvitedWhileTheOthersGetIn() {
        String alice = fake.user("alice").id();
        String ghost = "zzzzzzzzzzzzzzzzzzzzzzzzzz";

        Result result = rooms().create("inc-8", "db failover", List.of(alice, ghost, "not-an-id"));

        assertThat(result).isInstanceOfSatisfying(Result.Created.class,
                created -> assertThat(created.notInvited()).containsExactly(ghost, "not-an-id"));
        assertThat(fake.channelApi().room("inc-8").members()).contains(alice).doesNotContain(ghost);
    }

    @Test
    void aRateLimitedCreateWaitsAndThenSucceeds() {
        rooms().create("warm-up", "", List.of()); // looks the team up, so the limit hits the create itself
        fake.rateLimitNext(1, 1);

        Result result = rooms().create("inc-9", "", List.of());

        assertThat(result).isInstanceOf(Result.Created.class);
        List<FakeMattermost.Call> creates = fake.calls().stream().filter(c -> c.path().equals("/api/v4/channels"))
                .toList();
        assertThat(creates).extracting(FakeMattermost.Call::status).containsExactly(201, 429, 201);
        assertThat(creates.get(2).at() - creates.get(1).at()).isGreaterThanOrEqualTo(Duration.ofMillis(950).toNanos());
    }

    @Test
    void aServerErrorOnCreateIsUnavailableAndCreatesNothing() {
        rooms().create("warm-up", "", List.of());
        fake.failNext(1);

        Result result = rooms().create("inc-10", "", List.of());

        assertThat(result).isInstanceOfSatisfying(Result.Unavailable.class,
                u -> assertThat(u.reason()).contains("503").doesNotContain(FakeMattermost.TOKEN));
        assertThat(fake.channelApi().room("inc-10")).isNull();
    }

    @Test
    void anUnknownTeamIsRefusedNamingTheConfigKey() throws Exception {
        adapter.stop();
        adapter = started(fake.settings().withTeam("nope"));

        assertThat(rooms().create("inc-11", "", List.of())).isInstanceOfSatisfying(Result.Refused.class,
                r -> assertThat(r.reason()).contains("'nope'", "chat.mattermost.team"));
    }

    @Test
    void withoutATeamThereAreNoRoomsAndNamesAreMadeValid() {
        assertThat(new MattermostChatAdapter(fake.settings().withTeam(null)).rooms()).isEmpty();
        assertThat(MattermostRooms.validName("INC-1: Payments / EU")).isEqualTo("inc-1-payments-eu");
        assertThat(MattermostRooms.validName("!")).isEqualTo("incident");
        assertThat(MattermostRooms.validName("x".repeat(100))).hasSize(64);
    }

    private RoomCreator rooms() {
        return adapter.rooms().orElseThrow();
    }

    private static MattermostChatAdapter started(MattermostSettings settings) {
        MattermostChatAdapter started = new MattermostChatAdapter(settings);
        started.start(message -> {});
        await().atMost(Duration.ofSeconds(10)).until(() -> started.health().ready());
        return started;
    }
}
