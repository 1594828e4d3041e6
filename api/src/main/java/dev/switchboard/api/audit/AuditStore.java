package dev.switchboard.api.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where the chain is kept. Implemented by the store module on H2 and PostgreSQL.
 *
 * <p>{@link #append} is the only write. It takes the chain's head under a lock that serialises writers across
 * threads and replicas, links the events with {@link AuditChain#link}, and commits them in one transaction, so the
 * chain is valid whatever the concurrency. Throws {@link dev.switchboard.api.StorageException} when it cannot
 * commit; then nothing was written.
 */
public interface AuditStore {
    /** Appends the events, in order, as one transaction; returns the stored records. */
    List<AuditRecord> append(List<AuditEvent> events);

    /** Up to {@code limit} records with {@code seq >= fromSeq}, in sequence order. */
    List<AuditRecord> read(long fromSeq, int limit);

    /** Records matching the query, newest first. */
    List<AuditRecord> query(AuditQuery query);

    /** The last record, if the log is not empty. */
    Optional<AuditRecord> head();
}
