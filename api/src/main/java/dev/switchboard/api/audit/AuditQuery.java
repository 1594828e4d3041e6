package dev.switchboard.api.audit;

import java.time.Instant;
import java.util.Set;

/**
 * A search of the audit log, newest first. Null fields do not filter. {@code commandPattern} is a glob on the
 * command id ({@code deploy.*}).
 */
public record AuditQuery(String actor, String commandPattern, Set<AuditEventType> types, Instant since, int limit) {
    public AuditQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public static AuditQuery last(int limit) {
        return new AuditQuery(null, null, Set.of(), null, limit);
    }
}
