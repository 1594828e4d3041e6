package dev.switchboard.core.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit log that keeps events in memory and writes "audit:&lt;type&gt;" into a shared timeline, so tests can
 * check what happened before what. Can be switched to failing, like a database that went away.
 */
final class RecordingAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<String> timeline;
    private volatile boolean failing;

    RecordingAuditLog(List<String> timeline) {
        this.timeline = timeline;
    }

    void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public synchronized AuditRecord record(AuditEvent event) {
        if (failing) {
            throw new StorageException("audit store is down");
        }
        events.add(event);
        timeline.add("audit:" + event.type().wireName());
        String hash = AuditChain.hash(AuditChain.GENESIS, events.size(), event);
        return new AuditRecord(events.size(), event, AuditChain.GENESIS, hash);
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<AuditEventType> types() {
        return events.stream().map(AuditEvent::type).toList();
    }
}
