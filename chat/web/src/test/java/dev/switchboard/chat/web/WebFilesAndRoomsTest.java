package dev.switchboard.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.chat.RoomCreator.Result;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files as downloadable blocks and incident rooms in the web chat. */
class WebFilesAndRoomsTest {
    private static final ConversationRef GENERAL = ConversationRef.of("web", "#general");
    private static final Block.File POSTMORTEM = new Block.File("INC-3-postmortem.md", "text/markdown",
            "# INC-3 checkout is down\n\n<script>alert(1)</script> stays text\n");

    private final WebChatAdapter web = new WebChatAdapter();
    private final FakeBrowser alice = new FakeBrowser("s1", "alice");
    private final FakeBrowser bob = new FakeBrowser("s2", "bob");

    @BeforeEach
    void connect() {
        web.start(message -> {});
        web.connect(alice);
        web.connect(bob);
    }

    @Test
    void aFileReachesTheBrowserAsAFileBlockWithItsNameTypeAndText() {
        web.send(GENERAL, Reply.builder().text("Postmortem for INC-3").add(POSTMORTEM).build());

        JsonNode blocks = alice.ofType("message").getLast().path("reply").path("blocks");
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("text");
        JsonNode file = blocks.get(1);
        assertThat(file.path("type").asString()).isEqualTo("file");
        assertThat(file.path("name").asString()).isEqualTo("INC-3-postmortem.md");
        assertThat(file.path("mediaType").asString()).isEqualTo("text/markdown");
        assertThat(file.path("text").asString()).isEqualTo(POSTMORTEM.content());
        assertThat(web.capabilities().files()).isTrue();
    }

    @Test
    void aFileLongerThanOneMessageStaysWholeInOneBlock() {
        String big = "line of the timeline\n".repeat(3_000);

        web.send(GENERAL, new Reply(List.of(new Block.File("big.md", "text/markdown", big))));

        List<JsonNode> messages = alice.ofType("message");
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().path("reply").path("blocks").get(0).path("text").asString()).isEqualTo(big);
    }

    @Test
    void aRoomOpensWithItsPurposeAndTheInviteesSeeItAndAreToldSo() {
        Result result = rooms().create("INC-42 Checkout is DOWN!", "sev1 · checkout is down", List.of("alice",
                "carol"));

        assertThat(result).isEqualTo(new Result.Created(ConversationRef.of("web", "#inc-42-checkout-is-down"),
                "inc-42-checkout-is-down", List.of()));
        assertThat(alice.screen("#inc-42-checkout-is-down")).containsExactly(
                "switchboard: sev1 · checkout is down\nInvited: alice, carol");
        assertThat(alice.screen("dm:alice")).containsExactly(
                "switchboard: You were invited to #inc-42-checkout-is-down: sev1 · checkout is down");
        assertThat(bob.screen("#inc-42-checkout-is-down")).isEmpty();
    }

    @Test
    void aRoomNameAlreadyInUseGetsANumber() {
        web.receive("s2", "{\"type\":\"join\",\"room\":\"#inc-7\"}");

        Result result = rooms().create("inc-7", "", List.of());

        assertThat(result).isInstanceOfSatisfying(Result.Created.class,
                created -> assertThat(created.name()).isEqualTo("inc-7-2"));
        assertThat(WebRooms.validName("..INC 8 / eu..")).isEqualTo("inc-8-eu");
    }

    @Test
    void aStoppedWebChatCannotCreateRooms() {
        web.stop();

        assertThat(rooms().create("inc-9", "", List.of())).isInstanceOf(Result.Unavailable.class);
    }

    private RoomCreator rooms() {
        return web.rooms().orElseThrow();
    }
}
