package dev.switchboard.api.store;

import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.LockStore;

/**
 * One storage backend: the stores that must survive a restart, sharing one database. {@link #healthy()} answers
 * quickly (a cheap query with a short timeout) and is what {@code /readyz} reports. {@link #close()} releases the
 * connection pool and is idempotent.
 */
public interface Storage extends AutoCloseable {
    AuditStore audit();

    JobStore jobs();

    LockStore locks();

    boolean healthy();

    /** A short, secret-free description for logs and status ("H2 file ./data/switchboard"). */
    String describe();

    @Override
    void close();
}
