package dev.switchboard.api.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable confirmations and approvals, so a restart in the middle of a pending approval keeps it. Thread-safe;
 * every method is one transaction, and every change is a compare-and-set so two replicas (or two clicks) cannot
 * both win. Throws {@link dev.switchboard.api.StorageException} when the database cannot be used.
 */
public interface PendingStore {
    /** Stores a new request; false (and nothing stored) if its id is already taken, so the caller picks another. */
    boolean create(PendingRequest request);

    Optional<PendingRequest> find(String id);

    /** The request of {@code kind} made under {@code correlationId}, if any (at most one of each kind). */
    Optional<PendingRequest> findByCorrelation(String correlationId, PendingRequest.Kind kind);

    /**
     * Records an approval if the request is still {@code PENDING} and {@code vote}'s approver has not voted yet;
     * returns the request as it now is, or empty when the vote was not recorded.
     */
    Optional<PendingRequest> addVote(String id, PendingRequest.Vote vote);

    /**
     * Moves a request from {@code from} to {@code to} if it is still in {@code from}, with an optional note; false
     * if it was in another state.
     */
    boolean transition(String id, PendingRequest.State from, PendingRequest.State to, String note);

    /** Every request still {@code PENDING}, oldest first. */
    List<PendingRequest> pending();

    /** Requests still {@code PENDING} whose expiry is at or before {@code now}, oldest first. */
    List<PendingRequest> expiring(Instant now);
}
