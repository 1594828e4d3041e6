package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake platform's incident rooms, which transcript tests read back. */
class FakeChatAdapterRoomsTest {

    @Test
    void aPlainFakeCannotCreateRooms() {
        assertThat(new FakeChatAdapter().rooms()).isEmpty();
    }

    @Test
    void aRoomIsNamedByThePlatformsRulesAndRecordedWithItsInvites() {
        FakeChatAdapter chat = new FakeChatAdapter().withRooms().unknownUsers("mallory");
        RoomCreator rooms = chat.rooms().orElseThrow();

        RoomCreator.Result result = rooms.create("INC-3 Checkout is DOWN!", "sev1: checkout", List.of("alice",
                "mallory"));

        assertThat(result).isEqualTo(new RoomCreator.Result.Created(ConversationRef.of("web", "#inc-3-checkout-is-down"),
                "inc-3-checkout-is-down", List.of("mallory")));
        assertThat(chat.createdRooms()).containsExactly(new FakeChatAdapter.CreatedRoom(
                ConversationRef.of("web", "#inc-3-checkout-is-down"), "inc-3-checkout-is-down", "sev1: checkout",
                List.of("alice"), List.of("mallory")));
    }

    @Test
    void aTakenNameGetsANumberAndTheRoomCanBeTalkedIn() {
        FakeChatAdapter chat = new FakeChatAdapter().withRooms();
        RoomCreator rooms = chat.rooms().orElseThrow();
        rooms.create("inc-4", "first", List.of());

        RoomCreator.Result second = rooms.create("inc-4", "second", List.of());
        chat.send(((RoomCreator.Result.Created) second).room(), Reply.text("incident room for INC-4"));

        assertThat(second).extracting(r -> ((RoomCreator.Result.Created) r).name()).isEqualTo("inc-4-2");
        assertThat(chat.transcript("#inc-4-2")).containsExactly("bot: incident room for INC-4");
    }

    @Test
    void aFailingPlatformAnswersWithTheGivenResultUntilCleared() {
        FakeChatAdapter chat = new FakeChatAdapter().withRooms();
        chat.failRooms(new RoomCreator.Result.Refused("missing_scope channels:manage"));

        assertThat(chat.rooms().orElseThrow().create("inc-5", "", List.of()))
                .isEqualTo(new RoomCreator.Result.Refused("missing_scope channels:manage"));
        chat.failRooms(null);
        assertThat(chat.rooms().orElseThrow().create("inc-5", "", List.of()))
                .isInstanceOf(RoomCreator.Result.Created.class);
        assertThat(chat.createdRooms()).hasSize(1);
    }
}
