package dev.switchboard.api.chat;

import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable per-conversation queue of outbound messages that a platform did not accept at once, so they are delivered
 * in order, or reported failed, after an outage or a restart. A queue is one conversation on one platform
 * ({@code platform} and {@code id}; the thread is part of each message, not of the queue), ordered by entry id.
 * Thread-safe and safe across replicas: every state change is a compare-and-set. Throws
 * {@link dev.switchboard.api.StorageException} when the store cannot be used.
 */
public interface OutboxStore {
    /** What an entry does: post a new message, or replace the content of a posted one. */
    enum Kind { SAY, EDIT }

    /** Where an entry is: waiting (or being tried), delivered, or given up on. */
    enum State { PENDING, SENT, FAILED }

    /**
     * A message to queue. {@code target} is the platform message id to edit for {@link Kind#EDIT}, null for
     * {@link Kind#SAY}; {@code notBefore} is the earliest first attempt; {@code lastError} (may be null) says why it
     * was queued.
     */
    record Draft(ConversationRef to, Kind kind, String target, Reply reply, Instant created, Instant notBefore,
            String lastError) {
        public Draft {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(notBefore, "notBefore");
            if ((kind == Kind.EDIT) != (target != null)) {
                throw new IllegalArgumentException("an edit needs a target message id and a say must not have one");
            }
        }
    }

    /**
     * A queued message as stored. {@code attempts} counts claims; {@code claimedUntil} is null unless a worker is
     * trying it; {@code deliveredId} is the platform's message id once a {@link Kind#SAY} is {@link State#SENT}.
     */
    record Entry(long id, ConversationRef to, Kind kind, String target, Reply reply, int attempts,
            Instant nextAttemptAt, Instant claimedUntil, Instant created, State state, String deliveredId,
            String lastError) {}

    /**
     * Adds {@code draft} at the end of its conversation's queue and returns its id. An edit instead replaces the
     * content of a pending, unclaimed edit of the same target in the same queue, if there is one (only the newest
     * content of a message matters), and returns that entry's id.
     */
    long enqueue(Draft draft);

    /**
     * The first pending entry of each queue, if it may be tried now (its next attempt is due and no worker holds
     * it), oldest first, at most {@code limit}.
     */
    List<Entry> due(Instant now, int limit);

    /**
     * Claims a pending entry for one attempt if it still has {@code attempts} attempts: counts the attempt and holds
     * it until {@code until} (another worker may take it over after that). False if someone else got there first.
     */
    boolean claim(long id, int attempts, Instant until);

    /** Marks a pending entry delivered as platform message {@code deliveredId}; false if it was not pending. */
    boolean sent(long id, String deliveredId);

    /** Releases a pending entry for another attempt at {@code next}, recording {@code error}; false if not pending. */
    boolean retryAt(long id, Instant next, String error);

    /** Gives up on a pending entry; true for exactly one caller, so it is reported once. */
    boolean failed(long id, String error);

    Optional<Entry> find(long id);

    /** The conversations (platform and id, no thread) that have pending entries. */
    List<ConversationRef> backlog();

    /** Deletes sent and failed entries created before {@code cutoff}; returns how many. Pending ones stay. */
    int forgetBefore(Instant cutoff);
}
