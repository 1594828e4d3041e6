package dev.switchboard.core.chat;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.api.chat.OutboxStore.Draft;
import dev.switchboard.api.chat.OutboxStore.Entry;
import dev.switchboard.api.chat.OutboxStore.Kind;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatGateway} that never loses a message to a platform outage. While a conversation has nothing queued, a
 * message goes straight to the platform and the real {@link MessageRef} comes back, with no database access. When
 * the platform refuses it ({@link AdapterException}), the message is stored in the {@link OutboxStore} and a
 * provisional reference ({@code outbox:<id>}) is returned; every later message to that conversation queues behind it
 * until the queue is empty again, so order is kept. Edits of a provisional reference go to the real message once it
 * is delivered; queued edits of one message are coalesced (only the newest content is sent).
 *
 * <p>A worker ({@link #start()}, or {@link #deliverDue()} called by hand) tries the first due message of each queue,
 * queues in parallel, with capped, jittered exponential backoff. A message still undelivered after
 * {@link Settings#maxAttempts} attempts or {@link Settings#giveUpAfter} is marked failed, logged and reported once
 * to {@link DeliveryFailures}. Delivery is at least once: a crash between the platform accepting a message and the
 * store recording it sends it again after {@link Settings#claimLease}. Pending messages left by a previous run or
 * another replica are picked up by the worker; call {@link #start()} before adapters start, so new messages queue
 * behind them. Order across replicas holds once each has seen the backlog (within one poll).
 *
 * <p>Messages to a platform without an adapter fail at once with {@link UnknownPlatformException}. Thread-safe.
 */
public final class Outbox implements ChatGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final String PROVISIONAL = "outbox:";

    /**
     * @param firstRetry wait before the first retry (doubling, jittered, up to {@code maxRetry})
     * @param maxAttempts attempts by the worker before giving up (the immediate try is not counted)
     * @param giveUpAfter age after which a failed attempt gives the message up
     * @param pollInterval how often the worker looks for due messages when idle
     * @param claimLease how long one attempt may take before another worker may retry the message
     * @param batch at most this many queues are tried per round
     */
    public record Settings(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration giveUpAfter,
            Duration pollInterval, Duration claimLease, int batch) {
        public Settings {
            if (maxAttempts < 1 || batch < 1) {
                throw new IllegalArgumentException("maxAttempts and batch must be at least 1");
            }
            List.of(firstRetry, maxRetry, giveUpAfter, pollInterval, claimLease).forEach(Objects::requireNonNull);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofMinutes(1), 100, Duration.ofMinutes(15),
                    Duration.ofMillis(500), Duration.ofMinutes(2), 100);
        }
    }

    private final ChatGateway direct;
    private final OutboxStore store;
    private final Clock clock;
    private final Backoff backoff;
    private final Backlog backlog;
    private final OutboxWorker worker;
    private final Duration stopWait;
    private Thread running;
    private volatile boolean closed;

    /** @param direct sends to the platforms (an {@link AdapterGateway}) */
    public Outbox(ChatGateway direct, OutboxStore store, Clock clock, Settings settings, DeliveryFailures failures) {
        this(direct, store, clock, settings, failures, RandomGenerator.getDefault());
    }

    /** As above, with the randomness of the backoff jitter given (tests). */
    public Outbox(ChatGateway direct, OutboxStore store, Clock clock, Settings settings, DeliveryFailures failures,
            RandomGenerator random) {
        this.direct = Objects.requireNonNull(direct, "direct");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry(), random);
        this.backlog = new Backlog(store);
        this.worker = new OutboxWorker(direct, store, backlog, clock, settings, backoff,
                Objects.requireNonNull(failures, "failures"));
        this.stopWait = settings.claimLease();
    }

    @Override
    public MessageRef say(ConversationRef to, Reply reply) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reply, "reply");
        AdapterException failure = null;
        if (!backlog.has(to)) {
            try {
                return direct.say(to, reply);
            } catch (UnknownPlatformException e) {
                throw e;
            } catch (AdapterException e) {
                log.warn("{} did not take a message, queueing it: {}", to, e.getMessage());
                failure = e;
            }
        }
        OptionalLong id = backlog.add(draft(to, Kind.SAY, null, reply, failure));
        // Unqueued because the store failed: delivered out of order beats not delivered at all.
        return id.isPresent() ? new MessageRef(to, PROVISIONAL + id.getAsLong()) : direct.say(to, reply);
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reply, "reply");
        MessageRef target = message;
        if (provisionalId(message) instanceof Long id) {
            Entry original = store.find(id).orElseThrow(() -> new AdapterException("cannot edit message "
                    + message.messageId() + " in " + message.conversation() + ": the outbox no longer knows it"));
            switch (original.state()) {
                case PENDING -> {
                    if (backlog.add(draft(message.conversation(), Kind.EDIT, message.messageId(), reply, null))
                            .isEmpty()) {
                        throw new AdapterException("cannot edit queued message " + message.messageId() + " in "
                                + message.conversation() + ": the outbox is unavailable");
                    }
                    return message;
                }
                case FAILED -> throw new AdapterException("cannot edit message " + message.messageId() + " in "
                        + message.conversation() + ": it was never delivered");
                case SENT -> target = new MessageRef(original.to(), original.deliveredId());
            }
        }
        AdapterException failure = null;
        if (!backlog.has(target.conversation())) {
            try {
                return direct.edit(target, reply);
            } catch (UnknownPlatformException e) {
                throw e;
            } catch (AdapterException e) {
                log.warn("{} did not take an edit, queueing it: {}", target.conversation(), e.getMessage());
                failure = e;
            }
        }
        OptionalLong id = backlog.add(draft(target.conversation(), Kind.EDIT, target.messageId(), reply, failure));
        return id.isPresent() ? target : direct.edit(target, reply);
    }

    @Override
    public Capabilities capabilities(String platform) {
        return direct.capabilities(platform);
    }

    /** The platform's room creator, straight from the gateway it wraps: creating a room is never queued. */
    @Override
    public Optional<RoomCreator> rooms(String platform) {
        return direct.rooms(platform);
    }

    /**
     * Reads the backlog left by a previous run or another replica (so new messages queue behind it), then starts
     * the worker on a virtual thread. Idempotent. If the store cannot be read the worker starts anyway and reads the
     * backlog on its first successful round.
     */
    public synchronized void start() {
        if (running == null && !closed) {
            try {
                backlog.refresh();
            } catch (RuntimeException e) {
                log.error("could not read the outbox backlog at start; the worker keeps trying", e);
            }
            running = Thread.ofVirtual().name("outbox").start(() -> worker.run(() -> closed));
        }
    }

    /**
     * One round by hand (tests, or a caller that schedules its own): learns which conversations have queued
     * messages, tries the first due message of each and waits for the attempts. Returns how many were delivered.
     * Safe to call while the worker runs.
     */
    public int deliverDue() {
        return worker.deliverDue();
    }

    /** Conversations with queued messages, as this replica last saw them ({@code platform:id}). */
    public Set<String> backlogged() {
        return backlog.conversations();
    }

    /** Stops the worker, waiting up to one claim lease for attempts in flight. Queued messages stay queued. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            closed = true;
            stopping = running;
        }
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(stopWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Draft draft(ConversationRef to, Kind kind, String target, Reply reply, AdapterException failure) {
        Instant now = clock.instant();
        return failure == null ? new Draft(to, kind, target, reply, now, now, null)
                : new Draft(to, kind, target, reply, now, now.plus(backoff.after(1)), failure.getMessage());
    }

    /** The outbox entry id in a provisional reference, or null for a platform's own message id. */
    static Long provisionalId(MessageRef message) {
        String id = message.messageId();
        if (!id.startsWith(PROVISIONAL)) {
            return null;
        }
        try {
            return Long.parseLong(id.substring(PROVISIONAL.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
