package dev.switchboard.app.cli;

import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads the audit log up to its head at the start, in sequence order, one page at a time, so memory stays bounded
 * however long the log is. The next pages are read on background threads while the caller works through the
 * current one (reading and hashing then overlap). The visitor runs on the calling thread; the store may throw
 * {@link dev.switchboard.api.StorageException}, which is rethrown as is.
 */
final class AuditPages {
    /** Records per read: large enough that round trips are cheap, small enough to stay in a few MB. */
    static final int PAGE_SIZE = 10_000;
    // One reader reads ahead while the caller hashes. Two readers on one H2 file contend: measured on 1,000,000
    // records, verify took 14.5 s with two and 6.8 s with one (docs/benchmarks.md).
    private static final int READERS = 1;
    private static final int READ_AHEAD = 3;

    private AuditPages() {}

    /**
     * Hands every record with {@code 1 <= seq <= head} to {@code visitor}, in sequence order, until it returns
     * false. Page {@code k} is the range {@code [1 + k * PAGE_SIZE, 1 + (k + 1) * PAGE_SIZE)}; sequence numbers are
     * unique, so one read of {@code PAGE_SIZE} records from the start of a range covers it even when records are
     * missing, and a gap left by a deleted record is still visited in order.
     *
     * @return how many records the visitor accepted
     */
    static long forEach(AuditStore store, Predicate<AuditRecord> visitor) {
        long head = store.head().map(AuditRecord::seq).orElse(0L);
        long pages = head < 1 ? 0 : (head - 1) / PAGE_SIZE + 1;
        ExecutorService readers = Executors.newFixedThreadPool(READERS,
                Thread.ofPlatform().daemon().name("audit-read-", 1).factory());
        Deque<Future<List<AuditRecord>>> ahead = new ArrayDeque<>();
        try {
            long accepted = 0;
            long requested = 0;
            for (long page = 0; page < pages; page++) {
                while (requested < pages && ahead.size() < READ_AHEAD) {
                    long from = 1 + requested++ * PAGE_SIZE;
                    ahead.add(readers.submit(() -> range(store, from)));
                }
                for (AuditRecord record : await(ahead.removeFirst())) {
                    if (!visitor.test(record)) {
                        return accepted;
                    }
                    accepted++;
                }
            }
            return accepted;
        } finally {
            // Never interrupt a read: H2 closes its file when a thread is interrupted during I/O.
            ahead.forEach(f -> f.cancel(false));
            readers.shutdown();
            awaitReads(readers);
        }
    }

    /** Lets reads still running finish before the caller closes the storage under them. */
    private static void awaitReads(ExecutorService readers) {
        try {
            readers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<AuditRecord> range(AuditStore store, long from) {
        List<AuditRecord> page = store.read(from, PAGE_SIZE);
        int end = 0;
        while (end < page.size() && page.get(end).seq() < from + PAGE_SIZE) {
            end++;
        }
        return page.subList(0, end);
    }

    private static List<AuditRecord> await(Future<List<AuditRecord>> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading the audit log failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the audit log", e);
        }
    }
}
