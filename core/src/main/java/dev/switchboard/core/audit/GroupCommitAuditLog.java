package dev.switchboard.core.audit;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuditLog} that group-commits: callers on any thread enqueue their event and block; one writer thread
 * takes everything pending (up to {@code maxBatch} events) and appends it with a single {@link AuditStore#append}
 * call. Each caller gets its own {@link AuditRecord} back once the batch is committed, or a
 * {@link StorageException} if the batch failed (then none of its events were written), the wait exceeded the
 * commit timeout, or the log is closed.
 *
 * <p>Thread-safe. {@link #close()} stops accepting events, commits what is already queued and stops the writer; it
 * is idempotent.
 */
public final class GroupCommitAuditLog implements AuditLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitAuditLog.class);

    /** How many events one store transaction takes at most. */
    public static final int DEFAULT_MAX_BATCH = 512;
    /** How long a caller waits for its commit before it gives up (and must refuse to act). */
    public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final AuditStore store;
    private final int maxBatch;
    private final Duration commitTimeout;
    private final LinkedBlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean writerDone;

    public GroupCommitAuditLog(AuditStore store) {
        this(store, DEFAULT_MAX_BATCH, DEFAULT_COMMIT_TIMEOUT);
    }

    /**
     * @param maxBatch the most events appended in one transaction, at least 1
     * @param commitTimeout how long {@link #record} waits for the commit
     */
    public GroupCommitAuditLog(AuditStore store, int maxBatch, Duration commitTimeout) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.maxBatch = maxBatch;
        this.commitTimeout = Objects.requireNonNull(commitTimeout, "commitTimeout");
        this.queue = new LinkedBlockingQueue<>(Math.max(maxBatch * 64, 1024));
        this.writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::writeLoop);
    }

    @Override
    public AuditRecord record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            throw new StorageException("the audit log is closed");
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, commitTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException("the audit log is backed up; the event was not queued within "
                        + commitTimeout.toSeconds() + "s");
            }
            // The writer may have made its final sweep before our offer landed; then nobody else will fail it.
            if (writerDone && queue.remove(pending)) {
                throw new StorageException("the audit log is closed");
            }
            return pending.result.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the audit log", e);
        } catch (TimeoutException e) {
            throw new StorageException("the audit log did not commit within " + commitTimeout.toSeconds() + "s", e);
        } catch (ExecutionException e) {
            throw new StorageException("the audit event was not committed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.join(commitTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("audit writer did not stop within {}s; interrupting it", commitTimeout.toSeconds());
            writer.interrupt();
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed || !queue.isEmpty()) {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writerDone = true;
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.addAll(batch);
            StorageException stopped = new StorageException("the audit log is closed");
            left.forEach(p -> p.result.completeExceptionally(stopped));
        }
    }

    private void commit(List<Pending> batch) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(p.event));
        List<AuditRecord> records;
        try {
            records = store.append(events);
            if (records == null || records.size() != events.size()) {
                throw new StorageException("the audit store returned " + (records == null ? "nothing" : records.size()
                        + " records") + " for " + events.size() + " events");
            }
        } catch (RuntimeException e) {
            log.error("audit append of {} events failed; failing every waiting caller", events.size(), e);
            StorageException failure = e instanceof StorageException se
                    ? se : new StorageException("the audit store failed while appending", e);
            batch.forEach(p -> p.result.completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(records.get(i));
        }
    }

    private record Pending(AuditEvent event, CompletableFuture<AuditRecord> result) {}
}
