package dev.switchboard.alerts.desk;

import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits what an alert command changed, as who asked, where, and with the command's correlation id; every detail
 * value is redacted first. The change already happened when this is called (a silence id exists only once
 * Alertmanager made it), so a failing audit log does not undo it: the failure is logged and the reply tells the
 * user. Thread-safe.
 */
final class DeskAudit {
    /** Appended to a reply when the audit record could not be written. */
    static final String NOT_AUDITED = " Warning: the audit log could not record this; tell an admin.";
    private static final Logger log = LoggerFactory.getLogger(DeskAudit.class);

    private final AuditLog audit;
    private final Clock clock;
    private final UnaryOperator<String> redact;

    DeskAudit(AuditLog audit, Clock clock, UnaryOperator<String> redact) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redact = Objects.requireNonNull(redact, "redact");
    }

    /** Records one event of {@code type} for built-in {@code command}; the empty string, or {@link #NOT_AUDITED}. */
    String record(AuditEventType type, String command, AlertDesk.Asker asker, Map<String, ?> detail) {
        AuditEvent.Builder event = AuditEvent.builder(type, clock.instant()).correlationId(asker.correlationId())
                .actor(asker.userId()).account(asker.platformKey()).conversation(asker.conversation().toString())
                .commandId(command);
        detail.forEach((key, value) -> event.detail(key, value == null ? null : redact.apply(value.toString())));
        try {
            audit.record(event.build());
            return "";
        } catch (RuntimeException e) {
            log.error("could not audit {} by {} [{}]", type.wireName(), asker.userId(), asker.correlationId(), e);
            return NOT_AUDITED;
        }
    }

    /** Records one event Switchboard did on its own (no asker), such as resolving a page; logs a failure. */
    void recordSystem(AuditEventType type, Map<String, ?> detail) {
        AuditEvent.Builder event = AuditEvent.builder(type, clock.instant()).actor("system");
        detail.forEach((key, value) -> event.detail(key, value == null ? null : redact.apply(value.toString())));
        try {
            audit.record(event.build());
        } catch (RuntimeException e) {
            log.error("could not audit {} by Switchboard itself", type.wireName(), e);
        }
    }

    String redact(String text) {
        return redact.apply(text);
    }

    Clock clock() {
        return clock;
    }
}
