package dev.switchboard.api.audit;

/**
 * Writes audit events durably. {@link #record} returns only once the event is committed to the chain (appends from
 * many threads are group-committed), so "audit before action" holds: a caller records {@code started} and then
 * acts. Throws {@link dev.switchboard.api.StorageException} if the event could not be committed; a caller that was
 * about to act must then refuse.
 */
@FunctionalInterface
public interface AuditLog {
    AuditRecord record(AuditEvent event);
}
