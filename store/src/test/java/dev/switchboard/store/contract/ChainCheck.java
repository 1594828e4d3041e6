package dev.switchboard.store.contract;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole stored chain page by page and verifies it, as {@code switchboard audit verify} would. */
final class ChainCheck {
    private static final int PAGE = 5_000;
    private static final int MAX_PAGES = 1_000;

    private ChainCheck() {}

    static VerifyResult verify(AuditStore store) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        long from = 1;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<AuditRecord> records = store.read(from, PAGE);
            for (AuditRecord record : records) {
                if (!verifier.accept(record)) {
                    return verifier.result();
                }
            }
            if (records.size() < PAGE) {
                return verifier.result();
            }
            from = records.getLast().seq() + 1;
        }
        throw new AssertionError("the chain is longer than the test expects");
    }

    static List<AuditRecord> readAll(AuditStore store, long fromSeq) {
        List<AuditRecord> all = new ArrayList<>();
        long from = fromSeq;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<AuditRecord> records = store.read(from, PAGE);
            all.addAll(records);
            if (records.size() < PAGE) {
                return all;
            }
            from = records.getLast().seq() + 1;
        }
        throw new AssertionError("the chain is longer than the test expects");
    }

    static long headSeq(AuditStore store) {
        return store.head().map(AuditRecord::seq).orElse(0L);
    }
}
