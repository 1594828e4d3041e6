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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's outbound lines, in one FIFO (so lines to the same target keep their order), written at a
 * {@link TokenBucket} rate by one sender thread ({@link #run()}) while a connection is up.
 *
 * <p>A {@link Delivery} completes once all its lines are <em>written</em>. IRC acknowledges nothing, so the queue
 * keeps every written line until a {@code PING} confirms it: the server answers commands in order, so its
 * {@code PONG} proves every line written before the {@code PING} was processed. Several pings may be in flight (a
 * sliding window): one after every {@value #PING_EVERY} lines, and one for the rest once the queue has been idle for
 * {@code linger}. Writing only stops when {@value #WINDOW} lines are unconfirmed. Lines written but not confirmed
 * when the connection drops go back to the front of the queue and are written again after the reconnect (at least
 * once, never silently lost while the adapter runs).
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
final class OutboundQueue implements Runnable {
    /** Unconfirmed lines at most; beyond this nothing is written until a {@code PONG} arrives. */
    static final int WINDOW = 4096;
    /** Lines written between two confirmation pings while the queue is busy. */
    static final int PING_EVERY = 64;
    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    /** The lines of one {@code send}; {@code written} completes when the last is written. */
    static final class Delivery {
        final CompletableFuture<Void> written = new CompletableFuture<>();
        private int unwritten;
        private boolean cancelled;
    }

    private record Line(String raw, Delivery delivery) {}

    /** A ping in flight that confirms every line up to sequence number {@code upTo}. */
    private record Ping(String token, long upTo) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Line> waiting = new ArrayDeque<>();
    private final Deque<Line> unconfirmed = new ArrayDeque<>();
    private final Deque<Ping> pings = new ArrayDeque<>();
    private final TokenBucket bucket;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final long lingerNanos;
    private Consumer<String> wire;
    private long written;
    private long pinged;
    private long confirmed;
    private long lastWriteAt;
    private long pingCount;
    private boolean closed;

    /**
     * @param capacity lines held at most, waiting and unconfirmed together
     * @param nanoTime the clock of {@code linger} (the bucket's, in practice)
     * @param lingerNanos how long the queue must be idle before the last lines are confirmed
     */
    OutboundQueue(TokenBucket bucket, int capacity, LongSupplier nanoTime, long lingerNanos) {
        this.bucket = bucket;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.lingerNanos = lingerNanos;
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
            delivery.unwritten = raws.size();
            for (String raw : raws) {
                waiting.addLast(new Line(raw, delivery));
            }
            if (raws.isEmpty()) {
                delivery.written.complete(null);
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

    /** The connection is gone: unconfirmed lines go back to the front, in order, to be written again. */
    void disconnected() {
        lock.lock();
        try {
            wire = null;
            pings.clear();
            while (!unconfirmed.isEmpty()) {
                Line line = unconfirmed.removeLast();
                if (!line.delivery().cancelled) {
                    waiting.addFirst(line);
                }
            }
            written = pinged = confirmed;
        } finally {
            lock.unlock();
        }
    }

    /** The server answered a ping: the lines written before it are confirmed. Unknown tokens are ignored. */
    void pong(String token) {
        lock.lock();
        try {
            if (token == null || pings.stream().noneMatch(ping -> ping.token().equals(token))) {
                return;
            }
            // The server answers in order: a PONG also proves every earlier ping's lines arrived.
            Ping ping;
            do {
                ping = pings.removeFirst();
            } while (!ping.token().equals(token));
            while (confirmed < ping.upTo()) {
                unconfirmed.removeFirst();
                confirmed++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits (at most {@code timeoutNanos}) until nothing is waiting or unconfirmed, confirming the tail at once
     * instead of after the linger. Returns the lines still not confirmed (0 when everything arrived).
     */
    int drain(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            while ((!waiting.isEmpty() || !unconfirmed.isEmpty()) && wire != null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lastWriteAt = nanoTime.getAsLong() - lingerNanos;
                changed.signalAll();
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
            return waiting.size() + unconfirmed.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sender and fails every delivery not yet written with {@code reason}. */
    void close(String reason) {
        lock.lock();
        try {
            closed = true;
            wire = null;
            waiting.forEach(line -> line.delivery().written.completeExceptionally(new AdapterException(reason)));
            waiting.clear();
            unconfirmed.clear();
            pings.clear();
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
                long now = nanoTime.getAsLong();
                long unpinged = written - pinged;
                boolean canWrite = wire != null && !waiting.isEmpty() && unconfirmed.size() < WINDOW;
                boolean idleLongEnough = now - lastWriteAt >= lingerNanos;
                boolean canPing = wire != null && unpinged > 0
                        && (unpinged >= PING_EVERY || !canWrite && idleLongEnough);
                if (!canWrite && !canPing) {
                    long nap = wire != null && unpinged > 0 ? lingerNanos - (now - lastWriteAt)
                            : TimeUnit.SECONDS.toNanos(1);
                    changed.awaitNanos(Math.clamp(nap, TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1)));
                    continue;
                }
                long wait = bucket.nanosUntilToken();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                bucket.take();
                try {
                    if (canPing) {
                        Ping ping = new Ping("sb-ack-" + ++pingCount, written);
                        pings.addLast(ping);
                        pinged = written;
                        wire.accept("PING :" + ping.token());
                    } else {
                        Line line = waiting.removeFirst();
                        unconfirmed.addLast(line);
                        written++;
                        lastWriteAt = now;
                        wire.accept(line.raw());
                        // A line written again after a reconnect belongs to a delivery that already completed.
                        if (line.delivery().unwritten > 0 && --line.delivery().unwritten == 0) {
                            line.delivery().written.complete(null);
                        }
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
