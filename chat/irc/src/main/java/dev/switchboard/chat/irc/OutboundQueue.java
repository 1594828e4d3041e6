package dev.switchboard.chat.irc;

import dev.switchboard.api.AdapterException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's outbound lines, in one FIFO (so lines to the same target keep their order), written at a
 * {@link TokenBucket} rate by one sender thread ({@link #run()}) while a connection is up.
 *
 * <p>IRC acknowledges nothing, so delivery is confirmed with a {@code PING}: the server answers commands in order,
 * so its {@code PONG} proves every line written before the {@code PING} was processed. Lines written but not yet
 * confirmed when the connection drops go back to the front of the queue and are written again after the reconnect
 * (at least once, never silently lost). At most {@value #WINDOW} lines are unconfirmed at a time.
 *
 * <p>Thread-safe: {@link #enqueue}, {@link #cancel}, {@link #connected}, {@link #disconnected}, {@link #pong} and
 * {@link #close} may be called from any thread.
 */
final class OutboundQueue implements Runnable {
    static final int WINDOW = 16;
    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    /** The lines of one {@code send}; {@code done} completes when the last is confirmed. */
    static final class Delivery {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private int remaining;
        private boolean cancelled;
    }

    private record Line(String raw, Delivery delivery) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Line> waiting = new ArrayDeque<>();
    private final Deque<Line> unconfirmed = new ArrayDeque<>();
    private final TokenBucket bucket;
    private final int capacity;
    private Consumer<String> wire;
    private String pingToken;
    private int pingCovers;
    private long pings;
    private boolean closed;

    OutboundQueue(TokenBucket bucket, int capacity) {
        this.bucket = bucket;
        this.capacity = capacity;
    }

    /** Queues raw lines as one delivery; fails at once when the queue is full or closed. */
    Delivery enqueue(List<String> raws) {
        Delivery delivery = new Delivery();
        lock.lock();
        try {
            if (closed) {
                throw new AdapterException("the IRC adapter is stopped");
            }
            if (waiting.size() + unconfirmed.size() + raws.size() > capacity) {
                throw new AdapterException("the IRC outbound queue is full (" + capacity
                        + " lines waiting); the server is unreachable or too slow");
            }
            delivery.remaining = raws.size();
            for (String raw : raws) {
                waiting.addLast(new Line(raw, delivery));
            }
            if (raws.isEmpty()) {
                delivery.done.complete(null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return delivery;
    }

    /** Drops the delivery's lines that were not written yet (it timed out); lines already written may still arrive. */
    void cancel(Delivery delivery) {
        lock.lock();
        try {
            delivery.cancelled = true;
            waiting.removeIf(line -> line.delivery() == delivery);
        } finally {
            lock.unlock();
        }
    }

    /** Lines waiting to be written or confirmed. */
    int size() {
        lock.lock();
        try {
            return waiting.size() + unconfirmed.size();
        } finally {
            lock.unlock();
        }
    }

    /** A connection is registered and joined: write through {@code connectionWire} from now on. */
    void connected(Consumer<String> connectionWire) {
        lock.lock();
        try {
            wire = connectionWire;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection is gone: unconfirmed lines go back to the front, in order. */
    void disconnected() {
        lock.lock();
        try {
            wire = null;
            pingToken = null;
            while (!unconfirmed.isEmpty()) {
                Line line = unconfirmed.removeLast();
                if (!line.delivery().cancelled) {
                    waiting.addFirst(line);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The server answered a ping: the lines written before it are confirmed. Unknown tokens are ignored. */
    void pong(String token) {
        lock.lock();
        try {
            if (token == null || !token.equals(pingToken)) {
                return;
            }
            for (int i = 0; i < pingCovers; i++) {
                Delivery delivery = unconfirmed.removeFirst().delivery();
                if (--delivery.remaining == 0) {
                    delivery.done.complete(null);
                }
            }
            pingToken = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sender and fails every delivery still pending with {@code reason}. */
    void close(String reason) {
        lock.lock();
        try {
            closed = true;
            wire = null;
            for (Deque<Line> lines : List.of(unconfirmed, waiting)) {
                lines.forEach(line -> line.delivery().done.completeExceptionally(new AdapterException(reason)));
                lines.clear();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The sender loop; returns after {@link #close}. */
    @Override
    public void run() {
        lock.lock();
        try {
            while (!closed) {
                boolean canWrite = wire != null && !waiting.isEmpty() && unconfirmed.size() < WINDOW;
                boolean canPing = wire != null && pingToken == null && !unconfirmed.isEmpty()
                        && (waiting.isEmpty() || unconfirmed.size() >= WINDOW);
                if (!canWrite && !canPing) {
                    changed.await(1, TimeUnit.SECONDS);
                    continue;
                }
                long wait = bucket.nanosUntilToken();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                bucket.take();
                try {
                    if (canWrite) {
                        Line line = waiting.removeFirst();
                        unconfirmed.addLast(line);
                        wire.accept(line.raw());
                    } else {
                        pingToken = "sb-ack-" + ++pings;
                        pingCovers = unconfirmed.size();
                        wire.accept("PING :" + pingToken);
                    }
                } catch (RuntimeException e) {
                    // The connection broke under us: keep every line for the next one.
                    log.warn("could not write an IRC line; holding it for the next connection", e);
                    disconnected();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
