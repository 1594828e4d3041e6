package dev.switchboard.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a browser user of the web chat sees and what Switchboard receives from them. */
class WebChatAdapterTest {
    private final WebChatAdapter web = new WebChatAdapter();
    private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    private final FakeBrowser alice = new FakeBrowser("s1", "alice");
    private final FakeBrowser bob = new FakeBrowser("s2", "bob");

    @BeforeEach
    void connect() {
        assertThat(web.health().state()).isEqualTo(AdapterHealth.State.STOPPED);
        web.start(inbound::add);
        web.connect(alice);
        web.connect(bob);
    }

    @Test
    void aNewTabIsWelcomedIntoGeneralAndItsDirectRoom() {
        JsonNode welcome = alice.ofType("welcome").getFirst();
        assertThat(welcome.path("user").asString()).isEqualTo("alice");
        assertThat(welcome.path("rooms").toString()).isEqualTo("[\"#general\",\"dm:alice\"]");
        assertThat(web.health().ready()).isTrue();
    }

    @Test
    void aSaidLineReachesSwitchboardAsTheSessionUserNotAsTheFrameClaims() {
        web.receive("s1", "{\"type\":\"say\",\"room\":\"#general\",\"text\":\"deploy web to staging\","
                + "\"user\":\"root\",\"from\":\"root\"}");

        InboundMessage message = inbound.getFirst();
        assertThat(message.user().key()).isEqualTo("web:alice");
        assertThat(message.user().verified()).isTrue();
        assertThat(message.conversation()).isEqualTo(ConversationRef.of("web", "#general"));
        assertThat(message.text()).isEqualTo("deploy web to staging");
        assertThat(message.direct()).isFalse();
    }

    @Test
    void aSaidLineIsEchoedToEveryoneInTheRoomAndNobodyElse() {
        FakeBrowser carol = new FakeBrowser("s3", "carol");
        web.connect(carol);
        web.receive("s2", "{\"type\":\"join\",\"room\":\"#ops\"}");

        web.receive("s1", "{\"type\":\"say\",\"room\":\"#ops\",\"text\":\"status web\"}");

        assertThat(bob.screen("#ops")).containsExactly("alice: status web");
        assertThat(alice.screen("#ops")).containsExactly("alice: status web");
        assertThat(carol.ofType("message")).isEmpty();
    }

    @Test
    void aClickArrivesExactlyLikeTheCommandTyped() {
        web.receive("s1", "{\"type\":\"click\",\"room\":\"#general\",\"command\":\"cancel 12\"}");
        web.receive("s1", "{\"type\":\"say\",\"room\":\"#general\",\"text\":\"cancel 12\"}");

        assertThat(inbound).hasSize(2);
        assertThat(inbound.get(0).text()).isEqualTo(inbound.get(1).text());
        assertThat(inbound.get(0).user()).isEqualTo(inbound.get(1).user());
        assertThat(inbound.get(0).eventId()).isNotEqualTo(inbound.get(1).eventId());
        assertThat(bob.screen("#general")).containsExactly("alice: cancel 12", "alice: cancel 12");
    }

    @Test
    void badFramesGetAnErrorSayingWhatWasExpected() {
        web.receive("s1", "deploy web");
        web.receive("s1", "{\"type\":\"shout\"}");
        web.receive("s1", "{\"type\":\"say\",\"room\":\"ops room\",\"text\":\"hi\"}");
        web.receive("s1", "{\"type\":\"say\",\"room\":\"#ops\"}");
        web.receive("s1", "{\"type\":\"say\",\"room\":\"#ops\",\"text\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(alice.ofType("error")).extracting(e -> e.path("message").asString()).containsExactly(
                "frame is not valid JSON; expected an object like " + InboundFrame.EXAMPLES,
                "unknown frame type 'shout'; expected join, say or click",
                "room 'ops room' is not valid; expected a name like #ops (letters, digits, '.', '_', '-') or dm:alice",
                "say needs a non-empty \"text\", like {\"type\":\"say\",\"room\":\"#ops\",\"text\":\"help\"}",
                "frame refused: it is larger than 64 KB; send shorter messages");
        assertThat(inbound).isEmpty();
        assertThat(bob.ofType("error")).isEmpty();
    }

    @Test
    void nobodyCanReadAnotherUsersDirectRoom() {
        web.receive("s1", "{\"type\":\"join\",\"room\":\"dm:bob\"}");
        web.send(ConversationRef.of("web", "dm:bob"), Reply.text("approval needed for A-1"));

        assertThat(alice.ofType("error")).hasSize(1);
        assertThat(alice.screen("dm:bob")).isEmpty();
        assertThat(bob.screen("dm:bob")).containsExactly("switchboard: approval needed for A-1");
    }

    @Test
    void aDirectLineArrivesAsDirect() {
        web.receive("s2", "{\"type\":\"say\",\"room\":\"dm:bob\",\"text\":\"whoami\"}");

        assertThat(inbound.getFirst().direct()).isTrue();
        assertThat(inbound.getFirst().conversation().id()).isEqualTo("dm:bob");
    }

    @Test
    void roomNamesIgnoreCase() {
        web.receive("s2", "{\"type\":\"join\",\"room\":\"#OPS\"}");
        web.send(ConversationRef.of("web", "#Ops"), Reply.text("deployed"));

        assertThat(bob.screen("#ops")).containsExactly("switchboard: deployed");
    }

    @Test
    void joiningShowsTheLast50MessagesOfTheRoom() {
        for (int i = 1; i <= 60; i++) {
            web.send(ConversationRef.of("web", "#ops"), Reply.text("line " + i));
        }

        web.receive("s1", "{\"type\":\"join\",\"room\":\"#ops\"}");

        List<String> shown = alice.screen("#ops");
        assertThat(shown).hasSize(50).startsWith("switchboard: line 11").endsWith("switchboard: line 60");
    }

    @Test
    void anEditReplacesTheMessageForEveryoneAndForLaterJoiners() {
        MessageRef ref = web.send(ConversationRef.of("web", "#general"), Reply.text("deploying: 10%"));
        web.edit(ref, Reply.text("deployed"));
        FakeBrowser late = new FakeBrowser("s9", "carol");
        web.connect(late);

        assertThat(bob.screen("#general")).containsExactly("switchboard: deployed");
        assertThat(late.screen("#general")).containsExactly("switchboard: deployed");
    }

    @Test
    void anEditOfAForgottenMessageIsPostedAsANewOne() {
        MessageRef unknown = new MessageRef(ConversationRef.of("web", "#general"), "m0000-1");

        MessageRef shown = web.edit(unknown, Reply.text("job 7 finished"));

        assertThat(shown.messageId()).isNotEqualTo("m0000-1");
        assertThat(bob.screen("#general")).containsExactly("switchboard: job 7 finished");
    }

    @Test
    void everyBlockKindIsSentAsPlainStructuredJson() {
        Reply reply = Reply.builder().text("<b>job 12</b>").code("$ ./deploy.sh").field("status", "running")
                .table(List.of("env", "version"), List.of(List.of("prod", "1.4.2")))
                .buttons(new Button("Cancel", "cancel 12", Button.Style.DANGER)).build();

        web.send(ConversationRef.of("web", "#general"), reply);

        JsonNode message = bob.ofType("message").getFirst();
        assertThat(message.path("from").asString()).isEqualTo("switchboard");
        assertThat(message.path("reply")).isEqualTo(JsonMapper.builder().build().readTree("""
                {"blocks":[{"type":"text","text":"<b>job 12</b>"},{"type":"code","text":"$ ./deploy.sh"},
                 {"type":"fields","fields":[{"label":"status","value":"running"}]},
                 {"type":"table","headers":["env","version"],"rows":[["prod","1.4.2"]]},
                 {"type":"buttons","buttons":[{"label":"Cancel","command":"cancel 12","style":"danger"}]}]}
                """));
    }

    @Test
    void afterStopFramesAreIgnoredAndSendingFails() {
        web.stop();
        web.stop();

        web.receive("s1", "{\"type\":\"say\",\"room\":\"#general\",\"text\":\"help\"}");

        assertThat(inbound).isEmpty();
        assertThat(bob.screen("#general")).isEmpty();
        assertThat(web.health().state()).isEqualTo(AdapterHealth.State.STOPPED);
        assertThatThrownBy(() -> web.send(ConversationRef.of("web", "#general"), Reply.text("hi")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("stopped");
    }

    @Test
    void aDisconnectedTabGetsNothingMore() {
        web.disconnect("s2");

        web.send(ConversationRef.of("web", "#general"), Reply.text("anyone?"));

        assertThat(bob.ofType("message")).isEmpty();
        assertThat(alice.screen("#general")).containsExactly("switchboard: anyone?");
    }
}
