package dev.switchboard.core.chat;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.api.chat.OutboxStore.Entry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the {@link Outbox}'s queued messages: per round, the first due message of each queue, queues in
 * parallel on virtual threads, each attempt claimed in the store so no two workers (or replicas) try one message at
 * once. A failed attempt is retried after a jittered backoff until the bounds in {@link Outbox.Settings}; then the
 * message is marked failed and reported once. Thread-safe.
 */
final class OutboxWorker {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final ChatGateway direct;
    private final OutboxStore store;
    private final Backlog backlog;
    private final Clock clock;
    private final Outbox.Settings settings;
    private final Backoff backoff;
    private final DeliveryFailures failures;
    private final Set<String> trying = ConcurrentHashMap.newKeySet();

    OutboxWorker(ChatGateway direct, OutboxStore store, Backlog backlog, Clock clock, Outbox.Settings settings,
            Backoff backoff, DeliveryFailures failures) {
        this.direct = direct;
        this.store = store;
        this.backlog = backlog;
        this.clock = clock;
        this.settings = settings;
        this.backoff = backoff;
        this.failures = failures;
    }

    /** One round; returns how many messages were delivered. */
    int deliverDue() {
        backlog.refresh();
        AtomicInteger delivered = new AtomicInteger();
        List<Thread> attempts = new ArrayList<>();
        for (Entry head : store.due(clock.instant(), settings.batch())) {
            String queue = Backlog.key(head.to());
            if (!trying.add(queue)) {
                continue;
            }
            attempts.add(Thread.ofVirtual().name("outbox-" + head.id()).start(() -> {
                try {
                    if (attempt(head)) {
                        delivered.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.error("could not work on queued message {} to {}", head.id(), head.to(), e);
                } finally {
                    trying.remove(queue);
                }
            }));
        }
        for (Thread attempt : attempts) {
            try {
                attempt.join(settings.claimLease());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return delivered.get();
    }

    /** Rounds until {@code stopped}; sleeps a poll interval after a round that delivered nothing. */
    void run(BooleanSupplier stopped) {
        while (!stopped.getAsBoolean()) {
            try {
                if (deliverDue() == 0) {
                    Thread.sleep(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("outbox round failed; trying again in {}", settings.pollInterval(), e);
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One claimed attempt at {@code entry}; true if it was delivered. */
    private boolean attempt(Entry entry) {
        if (!store.claim(entry.id(), entry.attempts(), clock.instant().plus(settings.claimLease()))) {
            return false;
        }
        int attempt = entry.attempts() + 1;
        try {
            MessageRef delivered = switch (entry.kind()) {
                case SAY -> direct.say(entry.to(), entry.reply());
                case EDIT -> direct.edit(target(entry), entry.reply());
            };
            store.sent(entry.id(), delivered.messageId());
            log.info("delivered queued {} {} to {} at attempt {}", entry.kind(), entry.id(), entry.to(), attempt);
            return true;
        } catch (Undeliverable e) {
            giveUp(entry, e.getMessage());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Instant now = clock.instant();
            if (e instanceof UnknownPlatformException || attempt >= settings.maxAttempts()
                    || !now.isBefore(entry.created().plus(settings.giveUpAfter()))) {
                giveUp(entry, reason);
            } else {
                Duration wait = backoff.after(attempt);
                store.retryAt(entry.id(), now.plus(wait), reason);
                log.warn("queued {} {} to {} not delivered at attempt {}, retrying in {}: {}", entry.kind(),
                        entry.id(), entry.to(), attempt, wait, reason);
            }
        }
        return false;
    }

    /** The real message a queued edit applies to, resolving a provisional reference through its queued say. */
    private MessageRef target(Entry edit) {
        MessageRef target = new MessageRef(edit.to(), edit.target());
        if (!(Outbox.provisionalId(target) instanceof Long id)) {
            return target;
        }
        Entry original = store.find(id).orElseThrow(() -> new Undeliverable("the message it edits is gone"));
        return switch (original.state()) {
            case SENT -> new MessageRef(original.to(), original.deliveredId());
            case FAILED -> throw new Undeliverable("the message it edits was never delivered");
            case PENDING -> throw new AdapterException("the message it edits is not delivered yet");
        };
    }

    private void giveUp(Entry entry, String reason) {
        if (!store.failed(entry.id(), reason)) {
            return;
        }
        log.error("gave up on queued {} {} to {} after {} attempt(s): {}", entry.kind(), entry.id(), entry.to(),
                entry.attempts() + 1, reason);
        try {
            failures.undelivered(store.find(entry.id()).orElse(entry), reason);
        } catch (RuntimeException e) {
            log.error("could not report undelivered message {}", entry.id(), e);
        }
    }

    /** A queued message that can never be delivered, so retrying is pointless. */
    private static final class Undeliverable extends RuntimeException {
        Undeliverable(String reason) {
            super(reason, null, false, false);
        }
    }
}
