package dev.switchboard.api.job;

import java.time.Instant;
import java.util.Optional;

/**
 * Named locks held in the database, so they hold across threads and replicas. Thread-safe; throws
 * {@link dev.switchboard.api.StorageException} when the database cannot be used.
 */
public interface LockStore {
    /** Takes {@code name} for {@code jobId} if nobody holds it (re-entrant for the same job). */
    boolean tryAcquire(String name, long jobId, Instant at);

    /** Releases {@code name} if {@code jobId} holds it; does nothing otherwise. */
    void release(String name, long jobId);

    /** The job holding {@code name}, if any. */
    Optional<Long> holder(String name);
}
