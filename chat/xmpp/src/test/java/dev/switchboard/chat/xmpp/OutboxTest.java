package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.ConversationRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final ConversationRef OPS = ConversationRef.of("xmpp", "ops@conference.example.org");
    private final Outbox outbox = new Outbox(3);
    private final Outbox.Part one = new Outbox.Part(OPS, "m1", "one");
    private final Outbox.Part two = new Outbox.Part(OPS, "m2", "two");

    @Test
    void partsWrittenButNotAcknowledgedAreWrittenAgainAfterAReconnectInOrder() {
        outbox.add(List.of(one, two));
        outbox.written(outbox.nextToWrite(), true);
        outbox.written(outbox.nextToWrite(), true);
        assertThat(outbox.nextToWrite()).isNull();

        outbox.acknowledged(one);
        outbox.rewind();

        assertThat(outbox.nextToWrite()).isEqualTo(two);
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void withoutAcknowledgementsAWrittenPartIsDone() {
        outbox.add(List.of(one));
        outbox.written(one, false);
        outbox.rewind();
        assertThat(outbox.nextToWrite()).isNull();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void anAcknowledgementThatOvertakesTheWriteIsNotLost() {
        outbox.add(List.of(one));
        outbox.acknowledged(one);
        outbox.written(one, true);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aReplyThatDoesNotFitIsRefusedWholeWithAReason() {
        outbox.add(List.of(one, two));
        Outbox.Part three = new Outbox.Part(OPS, "m3", "three");
        Outbox.Part four = new Outbox.Part(OPS, "m3-1", "four");

        assertThatThrownBy(() -> outbox.add(List.of(three, four)))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("outbox is full (2 of 3")
                .hasMessageContaining("xmpp:ops@conference.example.org");
        assertThat(outbox.size()).isEqualTo(2);
    }
}
