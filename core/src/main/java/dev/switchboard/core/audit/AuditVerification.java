package dev.switchboard.core.audit;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import java.util.List;

/**
 * Verifies a stored chain page by page in constant memory, naming the first broken sequence. Stateless; reads only.
 */
public final class AuditVerification {
    /** Records read per page. */
    public static final int PAGE = 10_000;

    private AuditVerification() {}

    /** Verifies every record in the store, from the first. */
    public static VerifyResult verify(AuditStore store) {
        return verify(store, PAGE);
    }

    static VerifyResult verify(AuditStore store, int pageSize) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        long from = 1;
        // Bounded by the store's size: every round either advances `from` or ends.
        while (true) {
            List<AuditRecord> page = store.read(from, pageSize);
            for (AuditRecord r : page) {
                if (!verifier.accept(r)) {
                    return verifier.result();
                }
            }
            if (page.size() < pageSize) {
                return verifier.result();
            }
            from = page.getLast().seq() + 1;
        }
    }
}
