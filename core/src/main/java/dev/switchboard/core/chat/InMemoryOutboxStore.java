package dev.switchboard.core.chat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@link OutboxStore} in memory, for tests and setups without a database: queued messages do not survive a
 * restart. Thread-safe (one lock).
 */
public final class InMemoryOutboxStore implements OutboxStore {
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized long enqueue(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        if (draft.kind() == Kind.EDIT) {
            for (Entry e : entries.values()) {
                if (e.kind() == Kind.EDIT && e.state() == State.PENDING && e.claimedUntil() == null
                        && sameQueue(e.to(), draft.to()) && e.target().equals(draft.target())) {
                    entries.put(e.id(), new Entry(e.id(), e.to(), e.kind(), e.target(), draft.reply(), e.attempts(),
                            e.nextAttemptAt(), null, e.created(), e.state(), null, e.lastError()));
                    return e.id();
                }
            }
        }
        long id = nextId++;
        entries.put(id, new Entry(id, draft.to(), draft.kind(), draft.target(), draft.reply(), 0, draft.notBefore(),
                null, draft.created(), State.PENDING, null, draft.lastError()));
        return id;
    }

    @Override
    public synchronized List<Entry> due(Instant now, int limit) {
        Set<String> seenQueues = new LinkedHashSet<>();
        List<Entry> due = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state() != State.PENDING || !seenQueues.add(queue(e.to()))) {
                continue;
            }
            boolean free = e.claimedUntil() == null || !e.claimedUntil().isAfter(now);
            if (free && !e.nextAttemptAt().isAfter(now) && due.size() < limit) {
                due.add(e);
            }
        }
        return due;
    }

    @Override
    public synchronized boolean claim(long id, int attempts, Instant until) {
        return update(id, e -> e.attempts() != attempts ? null : new Entry(e.id(), e.to(), e.kind(), e.target(),
                e.reply(), attempts + 1, e.nextAttemptAt(), until, e.created(), e.state(), null, e.lastError()));
    }

    @Override
    public synchronized boolean sent(long id, String deliveredId) {
        return update(id, e -> new Entry(e.id(), e.to(), e.kind(), e.target(), e.reply(), e.attempts(),
                e.nextAttemptAt(), null, e.created(), State.SENT, deliveredId, e.lastError()));
    }

    @Override
    public synchronized boolean retryAt(long id, Instant next, String error) {
        return update(id, e -> new Entry(e.id(), e.to(), e.kind(), e.target(), e.reply(), e.attempts(), next, null,
                e.created(), e.state(), null, error));
    }

    @Override
    public synchronized boolean failed(long id, String error) {
        return update(id, e -> new Entry(e.id(), e.to(), e.kind(), e.target(), e.reply(), e.attempts(),
                e.nextAttemptAt(), null, e.created(), State.FAILED, null, error));
    }

    @Override
    public synchronized Optional<Entry> find(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<ConversationRef> backlog() {
        Set<ConversationRef> queues = new LinkedHashSet<>();
        for (Entry e : entries.values()) {
            if (e.state() == State.PENDING) {
                queues.add(ConversationRef.of(e.to().platform(), e.to().id()));
            }
        }
        return List.copyOf(queues);
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.state() != State.PENDING && e.created().isBefore(cutoff));
        return before - entries.size();
    }

    /** Applies {@code change} to a pending entry; the change may return null to refuse. */
    private boolean update(long id, UnaryOperator<Entry> change) {
        Entry e = entries.get(id);
        if (e == null || e.state() != State.PENDING) {
            return false;
        }
        Entry changed = change.apply(e);
        if (changed == null) {
            return false;
        }
        entries.put(id, changed);
        return true;
    }

    private static boolean sameQueue(ConversationRef a, ConversationRef b) {
        return queue(a).equals(queue(b));
    }

    static String queue(ConversationRef to) {
        return to.platform() + '\u0000' + to.id();
    }
}
