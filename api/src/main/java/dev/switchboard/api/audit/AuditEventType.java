package dev.switchboard.api.audit;

import java.util.Locale;

/**
 * Every kind of step the audit log records (DESIGN.md section 4). {@code INVALID} covers text that matched no
 * command, matched several, or had a bad argument.
 */
public enum AuditEventType {
    RECEIVED, INVALID, DENIED, CONFIRMATION_REQUESTED, CONFIRMED, APPROVAL_REQUESTED, APPROVED, REJECTED, EXPIRED,
    STARTED, PROGRESS, FINISHED, CANCELLED, INTERRUPTED, FAILED, BREAK_GLASS, CONFIG_RELOADED, CONFIG_REJECTED, POLICY_RELOADED, UNDELIVERED,
    ALERT_RECEIVED, ALERT_ACKED, SILENCED, UNSILENCED, ESCALATED, INCIDENT_DECLARED, INCIDENT_UPDATED,
    INCIDENT_RESOLVED;

    /** The lower-case name used in the chain's canonical form, exports and queries ({@code approval_requested}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditEventType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
