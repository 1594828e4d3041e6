package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class InboundStanzasTest {
    private static final String OPS = "ops@conference.example.org";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private final InboundStanzas inbound = new InboundStanzas(JidCreate.bareFromOrThrowUnchecked("switchboard@example.org"),
            Set.of(JidCreate.bareFromOrThrowUnchecked(OPS)), new Addressing("!", "switchboard", true),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> "generated-1");

    @Test
    void anAddressedRoomLineFromAKnownOccupantIsAVerifiedCommandInTheRoom() {
        joins("alice", "alice@example.org");

        InboundMessage message = inbound.message(room("alice", "!status web", "abc")).orElseThrow();

        assertThat(message.text()).isEqualTo("status web");
        assertThat(message.user()).isEqualTo(new PlatformUser("xmpp", "alice@example.org", "alice", true));
        assertThat(message.conversation().toString()).isEqualTo("xmpp:" + OPS);
        assertThat(message.direct()).isFalse();
        assertThat(message.eventId()).isEqualTo(OPS + "/alice#abc");
        assertThat(message.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void inAnAnonymousRoomTheUserIsTheUnverifiedOccupant() {
        joins("mallory", null);

        PlatformUser user = inbound.message(room("mallory", "!deploy", "x")).orElseThrow().user();

        assertThat(user).isEqualTo(new PlatformUser("xmpp", OPS + "/mallory", "mallory", false));
    }

    @Test
    void anOccupantWhoLeftIsNoLongerKnownByTheirAccount() {
        joins("alice", "alice@example.org");
        inbound.presence(StanzaBuilder.buildPresence().ofType(Presence.Type.unavailable)
                .from(JidCreate.fromOrThrowUnchecked(OPS + "/alice")).build());

        assertThat(inbound.message(room("alice", "!status", "x")).orElseThrow().user().verified()).isFalse();
    }

    @Test
    void theBotsOwnLinesUnaddressedLinesAndReplayedHistoryAreDropped() {
        joins("other-bot-session", "switchboard@example.org");
        assertThat(inbound.message(room("switchboard", "!status", "1"))).isEmpty();
        assertThat(inbound.message(room("other-bot-session", "!status", "2"))).isEmpty();
        assertThat(inbound.message(room("alice", "lunch?", "3"))).isEmpty();
        Message replayed = StanzaBuilder.buildMessage("4").ofType(Message.Type.groupchat)
                .from(JidCreate.fromOrThrowUnchecked(OPS + "/alice")).setBody("!deploy web")
                .addExtension(new DelayInformation(new Date(0))).build();
        assertThat(inbound.message(replayed)).isEmpty();
    }

    @Test
    void roomsThatAreNotConfiguredAreIgnored() {
        Message elsewhere = StanzaBuilder.buildMessage("5").ofType(Message.Type.groupchat)
                .from(JidCreate.fromOrThrowUnchecked("random@conference.example.org/alice")).setBody("!status").build();
        assertThat(inbound.message(elsewhere)).isEmpty();
    }

    @Test
    void aDirectMessageIsAVerifiedCommandInTheSendersConversation() {
        Message dm = StanzaBuilder.buildMessage().ofType(Message.Type.chat)
                .from(JidCreate.fromOrThrowUnchecked("Alice@Example.org/phone")).setBody("!help").build();

        InboundMessage message = inbound.message(dm).orElseThrow();

        assertThat(message.text()).isEqualTo("help");
        assertThat(message.direct()).isTrue();
        assertThat(message.user()).isEqualTo(new PlatformUser("xmpp", "alice@example.org", "alice", true));
        assertThat(message.conversation().id()).isEqualTo("alice@example.org");
        assertThat(message.eventId()).isEqualTo("generated-1");
    }

    @Test
    void privateMessagesThroughARoomAndMessagesFromTheBotsAccountAreDropped() {
        Message whisper = StanzaBuilder.buildMessage("6").ofType(Message.Type.chat)
                .from(JidCreate.fromOrThrowUnchecked(OPS + "/alice")).setBody("deploy").build();
        Message self = StanzaBuilder.buildMessage("7").ofType(Message.Type.chat)
                .from(JidCreate.fromOrThrowUnchecked("switchboard@example.org/other")).setBody("deploy").build();
        Message error = StanzaBuilder.buildMessage("8").ofType(Message.Type.error)
                .from(JidCreate.fromOrThrowUnchecked("alice@example.org/x")).setBody("deploy").build();
        assertThat(Optional.of(whisper).flatMap(inbound::message)).isEmpty();
        assertThat(inbound.message(self)).isEmpty();
        assertThat(inbound.message(error)).isEmpty();
    }

    private void joins(String nick, String realJid) {
        MUCUser muc = new MUCUser();
        muc.setItem(new MUCItem(MUCAffiliation.none, MUCRole.participant, null, null,
                realJid == null ? null : JidCreate.fromOrThrowUnchecked(realJid + "/laptop"), null, null));
        inbound.presence(StanzaBuilder.buildPresence().from(JidCreate.fromOrThrowUnchecked(OPS + "/" + nick))
                .addExtension(muc).build());
    }

    private static Message room(String nick, String body, String id) {
        return StanzaBuilder.buildMessage(id).ofType(Message.Type.groupchat)
                .from(JidCreate.fromOrThrowUnchecked(OPS + "/" + nick)).setBody(body).build();
    }
}
