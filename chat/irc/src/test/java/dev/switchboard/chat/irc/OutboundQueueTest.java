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
    private static final long LINGER = Duration.ofSeconds(1).toNanos();
    private final OutboundQueue queue = new OutboundQueue(new TokenBucket(2, 3, nanos::get), 10, nanos::get, LINGER);
    private final Thread sender = Thread.ofVirtual().start(queue);

    @AfterEach
    void close() {
        queue.close("test over");
    }

    @Test
    void nothingIsWrittenWhileDisconnectedAndEverythingAfterTheConnectionComes() {
        OutboundQueue.Delivery delivery = queue.enqueue(List.of("PRIVMSG #ops :one", "PRIVMSG #ops :two"));
        assertThat(wire).isEmpty();
        assertThat(delivery.written).isNotDone();

        queue.connected(wire::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 2);
        assertThat(wire).containsExactly("PRIVMSG #ops :one", "PRIVMSG #ops :two");
        assertThat(delivery.written).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void theLastLinesAreConfirmedOnceTheQueueIsIdleAndThePongEmptiesIt() {
        queue.connected(wire::add);
        queue.enqueue(List.of("PRIVMSG #ops :one", "PRIVMSG #ops :two"));
        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 2);
        assertThat(queue.size()).isEqualTo(2);

        nanos.addAndGet(LINGER);

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 3);
        assertThat(wire.getLast()).isEqualTo("PING :sb-ack-1");
        queue.pong("sb-ack-1");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aLineWrittenButNotConfirmedIsWrittenAgainAfterAReconnectThoughItsSendReturned() {
        queue.connected(wire::add);
        OutboundQueue.Delivery delivery = queue.enqueue(List.of("PRIVMSG #ops :one"));
        assertThat(delivery.written).succeedsWithin(Duration.ofSeconds(5));
        nanos.addAndGet(LINGER);
        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 2);

        queue.disconnected();
        queue.pong("sb-ack-1");
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        queue.connected(wire::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 3);
        nanos.addAndGet(LINGER);

        await().atMost(Duration.ofSeconds(5)).until(() -> wire.size() == 4);
        assertThat(wire).containsExactly("PRIVMSG #ops :one", "PING :sb-ack-1", "PRIVMSG #ops :one", "PING :sb-ack-2");
        queue.pong("sb-ack-2");
        assertThat(queue.size()).isZero();
    }

    @Test
    void underLoadSeveralPingsAreInFlightAndWritingNeverWaitsForAPong() {
        OutboundQueue big = new OutboundQueue(new TokenBucket(1_000_000, 1_000_000, nanos::get), 10_000, nanos::get,
                LINGER);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(big);
        try {
            big.connected(lines::add);
            int total = OutboundQueue.PING_EVERY * 5;
            for (int i = 0; i < total; i++) {
                big.enqueue(List.of("PRIVMSG #ops :" + i));
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == total + 5);
            assertThat(lines.stream().filter(line -> line.startsWith("PING")))
                    .containsExactly("PING :sb-ack-1", "PING :sb-ack-2", "PING :sb-ack-3", "PING :sb-ack-4",
                            "PING :sb-ack-5");
            assertThat(lines.get(OutboundQueue.PING_EVERY)).isEqualTo("PING :sb-ack-1");
            assertThat(big.size()).isEqualTo(total);
            big.pong("sb-ack-2"); // answers to earlier pings are implied: the server answers in order
            assertThat(big.size()).isEqualTo(total - 2 * OutboundQueue.PING_EVERY);
            big.pong("sb-ack-1");
            big.pong("sb-ack-5");
            assertThat(big.size()).isZero();
        } finally {
            big.close("test over");
        }
    }

    @Test
    void drainingConfirmsAtOnceWithoutWaitingForTheLinger() throws InterruptedException {
        queue.connected(line -> {
            wire.add(line);
            if (line.startsWith("PING :")) {
                queue.pong(line.substring("PING :".length()));
            }
        });
        queue.enqueue(List.of("PRIVMSG #ops :bye"));

        assertThat(queue.drain(Duration.ofSeconds(5).toNanos())).isZero();
        assertThat(wire).containsExactly("PRIVMSG #ops :bye", "PING :sb-ack-1");
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
        assertThat(held.written).isCompletedExceptionally();
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
