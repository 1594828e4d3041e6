package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdapterGatewayTest {
    private static final class Adapter implements ChatAdapter {
        final String platform;
        final List<String> sent = new ArrayList<>();
        RoomCreator rooms;

        Adapter(String platform) {
            this.platform = platform;
        }

        public String platform() { return platform; }
        public Capabilities capabilities() { return Capabilities.plainText(400, false); }
        public void start(MessageSink sink) {}
        public void stop() {}
        public MessageRef send(ConversationRef to, Reply reply) {
            sent.add(to + (to.thread() == null ? "" : "/" + to.thread()) + " " + reply.plainText());
            return new MessageRef(to, "1");
        }
        public MessageRef edit(MessageRef message, Reply reply) { return message; }
        public AdapterHealth health() { return AdapterHealth.connected(Instant.EPOCH); }
        public Optional<RoomCreator> rooms() { return Optional.ofNullable(rooms); }
    }

    @Test
    void repliesGoToTheAdapterOfTheConversationsPlatformAndThread() {
        Adapter web = new Adapter("web");
        Adapter irc = new Adapter("irc");
        AdapterGateway gateway = new AdapterGateway(List.of(web, irc));

        gateway.say(ConversationRef.of("irc", "#ops").inThread("t1"), Reply.text("pong"));

        assertThat(irc.sent).containsExactly("irc:#ops/t1 pong");
        assertThat(web.sent).isEmpty();
        assertThat(gateway.capabilities("irc").maxMessageLength()).isEqualTo(400);
    }

    @Test
    void aConversationOnAPlatformWithoutAdapterFailsNamingThePlatform() {
        AdapterGateway gateway = new AdapterGateway(List.of(new Adapter("web")));

        assertThatThrownBy(() -> gateway.say(ConversationRef.of("slack", "C1"), Reply.text("pong")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("slack").hasMessageContaining("web");
    }

    @Test
    void twoAdaptersForOnePlatformAreAWiringError() {
        AdapterGateway gateway = new AdapterGateway(List.of(new Adapter("web")));

        assertThatThrownBy(() -> gateway.register(new Adapter("web"))).hasMessageContaining("web");
    }

    @Test
    void roomsComeFromTheAdapterOfThePlatformThroughTheOutboxToo() {
        Adapter slack = new Adapter("slack");
        slack.rooms = (name, purpose, invite) -> new RoomCreator.Result.Created(ConversationRef.of("slack", "C9"),
                name, List.of());
        AdapterGateway gateway = new AdapterGateway(List.of(slack, new Adapter("irc")));
        Outbox outbox = new Outbox(gateway, new InMemoryOutboxStore(), java.time.Clock.systemUTC(),
                Outbox.Settings.defaults(), (message, reason) -> {});

        assertThat(gateway.rooms("irc")).isEmpty();
        assertThat(gateway.rooms("matrix")).isEmpty();
        assertThat(outbox.rooms("irc")).isEmpty();
        assertThat(outbox.rooms("slack").orElseThrow().create("inc-1", "checkout is down", List.of()))
                .isEqualTo(new RoomCreator.Result.Created(ConversationRef.of("slack", "C9"), "inc-1", List.of()));
    }
}
