package dev.switchboard.app.cli;

import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the whole audit log in sequence order, one page at a time, so memory stays constant however long the log
 * is. Single-threaded; the store may throw {@link dev.switchboard.api.StorageException}.
 */
final class AuditPages {
    /** Records per read: large enough that round trips are cheap, small enough to stay in a few MB. */
    static final int PAGE_SIZE = 10_000;

    private AuditPages() {}

    /**
     * Hands every record to {@code visitor}, in sequence order, until it returns false or the log ends. Each page
     * starts after the last record of the one before, so a gap left by a deleted record is still visited in order.
     *
     * @return how many records the visitor accepted
     */
    static long forEach(AuditStore store, Predicate<AuditRecord> visitor) {
        long accepted = 0;
        long from = 1;
        while (true) {
            List<AuditRecord> page = store.read(from, PAGE_SIZE);
            for (AuditRecord record : page) {
                if (!visitor.test(record)) {
                    return accepted;
                }
                accepted++;
            }
            if (page.size() < PAGE_SIZE) {
                return accepted;
            }
            from = page.getLast().seq() + 1;
        }
    }
}
