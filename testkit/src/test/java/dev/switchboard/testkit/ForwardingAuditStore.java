package dev.switchboard.testkit;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import java.util.List;
import java.util.Optional;

/** An audit store that forwards to another, for tests that break one method. */
class ForwardingAuditStore implements AuditStore {
    private final AuditStore inner;

    ForwardingAuditStore(AuditStore inner) {
        this.inner = inner;
    }

    @Override
    public List<AuditRecord> append(List<AuditEvent> events) {
        return inner.append(events);
    }

    @Override
    public List<AuditRecord> read(long fromSeq, int limit) {
        return inner.read(fromSeq, limit);
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        return inner.query(query);
    }

    @Override
    public Optional<AuditRecord> head() {
        return inner.head();
    }
}
