package dev.switchboard.core.chat;

import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where adapters hand in messages. {@link #accept} returns at once: it drops redeliveries (an event id seen
 * recently on the same platform), queues the message, or, when the queue is full, answers "Switchboard is
 * overloaded" instead of dropping it silently. A loop takes queued messages and runs them on virtual threads, at most
 * {@code concurrency} at a time, with one rule of order: the messages of one person in one conversation (thread) are
 * handled one after the other, in the order they arrived, so {@code incident declare} typed just before
 * {@code incident note} is declared first; other people and conversations run alongside. Messages waiting behind
 * their sender's previous one count against {@code capacity}. No exception escapes to the adapter.
 *
 * <p>De-duplication has two layers. A cheap in-memory window over the last {@code dedupWindow} events drops most
 * redeliveries in {@link #accept}. Then, on the message's own thread and before the handler runs, the event is
 * claimed in the durable {@link InboundEvents} store, which catches redeliveries across restarts and replicas. If
 * that store fails, the message is handled anyway (with a warning): the in-memory window still holds, and the same
 * database outage makes the audit stage refuse everything but read-only built-ins, so a duplicate cannot run a
 * command that changes anything, while read-only answers keep working. {@link #close()} stops accepting, lets queued and running messages finish within the drain
 * timeout, and is idempotent.
 */
public final class Dispatcher implements MessageSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    static final String OVERLOADED = "Switchboard is overloaded, try again in a moment";
    static final String STOPPING = "Switchboard is restarting, try again in a moment";
    private static final int REFUSAL_SENDERS = 64;

    /**
     * @param capacity how many messages may wait
     * @param concurrency how many messages are handled at once
     * @param dedupWindow how many recent event ids are remembered
     * @param drainTimeout how long {@link #close()} waits for queued and running messages
     */
    public record Settings(int capacity, int concurrency, int dedupWindow, Duration drainTimeout) {
        public Settings {
            if (capacity < 1 || concurrency < 1 || dedupWindow < 1) {
                throw new IllegalArgumentException("capacity, concurrency and dedupWindow must be at least 1");
            }
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }

        public static Settings defaults() {
            return new Settings(10_000, 512, 10_000, Duration.ofSeconds(10));
        }
    }

    private final Consumer<InboundMessage> handler;
    private final InboundEvents events;
    private final ChatGateway gateway;
    private final Settings settings;
    private final BlockingQueue<InboundMessage> queue;
    private final Semaphore running;
    private final Semaphore refusals = new Semaphore(REFUSAL_SENDERS);
    private final Map<String, Boolean> seen;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    /** Per sender and conversation: the messages waiting behind the one being handled; guarded by itself. */
    private final Map<String, ArrayDeque<InboundMessage>> lanes = new HashMap<>();
    private final AtomicInteger waitingInLanes = new AtomicInteger();
    private final Thread loop;
    private volatile boolean closed;

    /**
     * A dispatcher that de-duplicates in memory only (tests, single-process setups without a database).
     *
     * @param handler runs one message through the pipeline; called on the message's own virtual thread
     */
    public Dispatcher(Consumer<InboundMessage> handler, ChatGateway gateway, Settings settings) {
        this(handler, gateway, null, settings);
    }

    /**
     * @param handler runs one message through the pipeline; called on the message's own virtual thread
     * @param events the durable record of handled events; null for in-memory de-duplication only
     */
    public Dispatcher(Consumer<InboundMessage> handler, ChatGateway gateway, InboundEvents events,
            Settings settings) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.events = events;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.running = new Semaphore(settings.concurrency());
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > settings.dedupWindow();
            }
        };
        this.loop = Thread.ofVirtual().name("dispatcher").start(this::dispatchLoop);
    }

    @Override
    public void accept(InboundMessage message) {
        try {
            String key = message.conversation().platform() + '\u0000' + message.eventId();
            if (!firstSighting(key)) {
                redelivered.incrementAndGet();
                log.debug("dropping redelivered event {} from {}", message.eventId(), message.user().key());
                return;
            }
            if (closed) {
                refuse(message, STOPPING);
            } else if (queue.size() + waitingInLanes.get() >= settings.capacity() || !queue.offer(message)) {
                forget(key); // so a redelivery after the overload passes can still be handled
                refuse(message, OVERLOADED);
            }
        } catch (RuntimeException e) {
            log.error("could not accept event {}", message == null ? null : message.eventId(), e);
        }
    }

    /** Messages waiting to be handled. */
    public int queued() {
        return queue.size();
    }

    /** Redeliveries dropped since start, by either layer of de-duplication. */
    public long redelivered() {
        return redelivered.get();
    }

    /** Messages answered "overloaded" or "restarting" instead of being handled, since start. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        try {
            loop.join(settings.drainTimeout());
            long left = Math.max(0, deadline - System.nanoTime());
            if (loop.isAlive() || !running.tryAcquire(settings.concurrency(), left, TimeUnit.NANOSECONDS)) {
                log.warn("stopped with {} messages queued and {} running after waiting {}", queue.size(),
                        settings.concurrency() - running.availablePermits(), settings.drainTimeout());
                loop.interrupt();
            } else {
                running.release(settings.concurrency());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.interrupt();
        }
    }

    private void dispatchLoop() {
        try {
            while (!closed || !queue.isEmpty()) {
                InboundMessage message = queue.poll(50, TimeUnit.MILLISECONDS);
                if (message == null || joinedLane(message)) {
                    continue;
                }
                running.acquire();
                try {
                    Thread.ofVirtual().name("message-" + message.eventId()).start(() -> handleLane(message));
                } catch (RuntimeException | Error e) {
                    endLane(message);
                    running.release();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("dispatcher loop stopped", e);
        }
    }

    /** Whose turn {@code message} waits for: its sender in its conversation (and thread). */
    private static String laneOf(InboundMessage message) {
        return message.conversation() + "\u0000" + message.user().key();
    }

    /** True when its sender's previous message is still being handled: it waits in that lane, in order. */
    private boolean joinedLane(InboundMessage message) {
        synchronized (lanes) {
            ArrayDeque<InboundMessage> lane = lanes.get(laneOf(message));
            if (lane != null) {
                lane.add(message);
                waitingInLanes.incrementAndGet();
                return true;
            }
            lanes.put(laneOf(message), new ArrayDeque<>());
            return false;
        }
    }

    /** Handles {@code first}, then whatever its sender sent meanwhile, one by one; holds one permit throughout. */
    private void handleLane(InboundMessage first) {
        try {
            InboundMessage next = first;
            while (next != null) {
                handle(next);
                next = nextInLane(first);
            }
        } finally {
            running.release();
        }
    }

    private InboundMessage nextInLane(InboundMessage first) {
        synchronized (lanes) {
            ArrayDeque<InboundMessage> lane = lanes.get(laneOf(first));
            InboundMessage next = lane == null ? null : lane.poll();
            if (next == null) {
                lanes.remove(laneOf(first));
            } else {
                waitingInLanes.decrementAndGet();
            }
            return next;
        }
    }

    private void endLane(InboundMessage first) {
        synchronized (lanes) {
            ArrayDeque<InboundMessage> lane = lanes.remove(laneOf(first));
            if (lane != null) {
                waitingInLanes.addAndGet(-lane.size());
            }
        }
    }

    private void handle(InboundMessage message) {
        try {
            if (!firstTimeDurably(message)) {
                redelivered.incrementAndGet();
                log.info("dropping event {} from {}: already handled (here before a restart, or on another replica)",
                        message.eventId(), message.user().key());
                return;
            }
            handler.accept(message);
        } catch (RuntimeException | Error e) {
            // Caught, Error included: the lane goes on to its sender's next message instead of stalling.
            log.error("message {} from {} failed", message.eventId(), message.user().key(), e);
        }
    }

    private boolean firstTimeDurably(InboundMessage message) {
        if (events == null) {
            return true;
        }
        try {
            return events.firstTime(message.conversation().platform(), message.eventId(), message.receivedAt());
        } catch (RuntimeException e) {
            log.warn("cannot check event {} from {} against the event store, handling it with in-memory"
                    + " de-duplication only (the audit stage refuses changes while the database is down): {}",
                    message.eventId(), message.user().key(), e.getMessage());
            return true;
        }
    }

    private void refuse(InboundMessage message, String text) {
        refused.incrementAndGet();
        if (!refusals.tryAcquire()) {
            log.warn("not answering event {} from {} ({}): too many refusals are being sent", message.eventId(),
                    message.user().key(), text);
            return;
        }
        log.warn("refusing event {} from {}: {}", message.eventId(), message.user().key(), text);
        Thread.ofVirtual().name("refuse-" + message.eventId()).start(() -> {
            try {
                gateway.say(message.conversation(), Reply.text(text));
            } catch (RuntimeException e) {
                log.error("could not tell {} that Switchboard is busy", message.user().key(), e);
            } finally {
                refusals.release();
            }
        });
    }

    private boolean firstSighting(String key) {
        synchronized (seen) {
            return seen.put(key, Boolean.TRUE) == null;
        }
    }

    private void forget(String key) {
        synchronized (seen) {
            seen.remove(key);
        }
    }
}
