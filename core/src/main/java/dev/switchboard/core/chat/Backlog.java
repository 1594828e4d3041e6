package dev.switchboard.core.chat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.OutboxStore;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which conversations have messages queued in the outbox, as this replica knows it, so a new message to an
 * unqueued conversation can go straight to the platform without touching the database. A conversation is marked
 * before its first message is stored and unmarked only after the store shows its queue empty, both under the
 * conversation's stripe lock, so a new message never overtakes a queued one on this replica. Thread-safe.
 */
final class Backlog {
    private static final Logger log = LoggerFactory.getLogger(Backlog.class);
    private static final int STRIPES = 64;

    private final OutboxStore store;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Object[] stripes = new Object[STRIPES];

    Backlog(OutboxStore store) {
        this.store = Objects.requireNonNull(store, "store");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    boolean has(ConversationRef to) {
        return queued.contains(key(to));
    }

    /** Stores {@code draft} at the end of its queue; empty if the store failed (logged), so nothing was queued. */
    OptionalLong add(OutboxStore.Draft draft) {
        String key = key(draft.to());
        synchronized (stripe(key)) {
            boolean wasQueued = !queued.add(key);
            try {
                return OptionalLong.of(store.enqueue(draft));
            } catch (RuntimeException e) {
                if (!wasQueued) {
                    queued.remove(key);
                }
                log.error("could not queue a {} to {}", draft.kind(), draft.to(), e);
                return OptionalLong.empty();
            }
        }
    }

    /** Forgets conversations whose queues emptied (here or on another replica); learns ones queued elsewhere. */
    void refresh() {
        Set<String> pending = keys(store.backlog());
        queued.addAll(pending);
        for (String key : queued) {
            if (!pending.contains(key)) {
                synchronized (stripe(key)) {
                    // Asked again under the lock: a message may have been queued since the first look.
                    if (!keys(store.backlog()).contains(key)) {
                        queued.remove(key);
                    }
                }
            }
        }
    }

    /** The conversations with queued messages, as {@code platform:id}. */
    Set<String> conversations() {
        Set<String> shown = new HashSet<>();
        queued.forEach(key -> shown.add(key.replace('\u0000', ':')));
        return shown;
    }

    static String key(ConversationRef to) {
        return to.platform() + '\u0000' + to.id();
    }

    private static Set<String> keys(List<ConversationRef> conversations) {
        Set<String> keys = new HashSet<>();
        conversations.forEach(c -> keys.add(key(c)));
        return keys;
    }

    private Object stripe(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
