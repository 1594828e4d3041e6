package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.AdapterException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue with a recording wire instead of a connection, and a hand-driven clock for the rate. */
class OutboundQueueTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private OutboundQueue queue = new OutboundQueue(new TokenBucket(2, 3, nanos::get), 10);
    private final Thread sender = Thread.ofVirtual().start(queue);

    @AfterEach
    void close() {
        queue.close("test over");
    }

    @Test
    void nothingIsWrittenWhileDisconnectedAndEverythingAfterTheConnectionComes() {
        OutboundQueue.Delivery delivery = queue.enqueue(List.of("PRIVMSG #ops :one", "PRIVMSG #ops :two"));
        assertThat(wire).isEmpty();

        queue.connected(wire::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 3);
        assertThat(wire).containsExactly("PRIVMSG #ops :one", "PRIVMSG #ops :two", "PING :sb-ack-1");
        assertThat(delivery.done).isNotDone();
        queue.pong("sb-ack-1");
        assertThat(delivery.done).isDone();
    }

    @Test
    void linesWrittenButNotConfirmedAreWrittenAgainAfterAReconnect() {
        queue.connected(wire::add);
        OutboundQueue.Delivery delivery = queue.enqueue(List.of("PRIVMSG #ops :one"));
        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 2);

        queue.disconnected();
        queue.pong("sb-ack-1");
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        queue.connected(wire::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 4);
        assertThat(wire).containsExactly("PRIVMSG #ops :one", "PING :sb-ack-1", "PRIVMSG #ops :one", "PING :sb-ack-2");
        queue.pong("sb-ack-2");
        assertThat(delivery.done).isDone();
    }

    @Test
    void aBurstGoesOutAtOnceAndTheRestAtTheRate() {
        queue.connected(wire::add);
        queue.enqueue(List.of("a", "b", "c", "d", "e"));

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 3);
        assertThat(wire).containsExactly("a", "b", "c");
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 4);
        assertThat(wire).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aFullQueueRefusesAtOnceAndAStoppedQueueFailsWhatItHeld() {
        OutboundQueue.Delivery held = queue.enqueue(List.of("1", "2", "3", "4", "5", "6", "7", "8"));

        assertThatThrownBy(() -> queue.enqueue(List.of("9", "10", "11")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("queue is full");
        queue.close("the IRC adapter stopped");
        assertThat(held.done).isCompletedExceptionally();
    }

    @Test
    void aCancelledDeliveryIsNotWrittenLater() {
        OutboundQueue.Delivery late = queue.enqueue(List.of("PRIVMSG #ops :too late"));
        queue.cancel(late);
        queue.enqueue(List.of("PRIVMSG #ops :current"));

        queue.connected(wire::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> !wire.isEmpty());
        assertThat(wire.getFirst()).isEqualTo("PRIVMSG #ops :current");
        assertThat(sender.isAlive()).isTrue();
    }
}
