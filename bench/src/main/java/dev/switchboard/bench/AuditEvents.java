package dev.switchboard.bench;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import java.time.Instant;
import java.util.Map;

/**
 * Audit events shaped like the ones the audit stage writes for one command: {@code received} (who, where, the raw
 * text) and {@code finished} (the resolved actor, command, arguments, deciding rule and status). {@code n} varies
 * the correlation id and time, so consecutive events differ as in a real log.
 */
final class AuditEvents {
    private static final Instant EPOCH = Instant.parse("2025-06-01T09:00:00Z");

    private AuditEvents() {}

    static AuditEvent received(long n) {
        return AuditEvent.builder(AuditEventType.RECEIVED, EPOCH.plusMillis(n))
                .correlationId(correlationId(n)).account("web:alice").conversation("web:#ops")
                .text("deploy billing 1.4.2 to prod").build();
    }

    static AuditEvent finished(long n) {
        return AuditEvent.builder(AuditEventType.FINISHED, EPOCH.plusMillis(n))
                .correlationId(correlationId(n - 1)).actor("alice").account("web:alice").conversation("web:#ops")
                .commandId("deploy.service").args(Map.of("service", "billing", "version", "1.4.2", "env", "prod"))
                .rule("known user (no policy section yet)").detail("status", "ok").build();
    }

    /** The {@code n}th event of a log of commands: received, finished, received, finished, ... */
    static AuditEvent nth(long n) {
        return n % 2 == 1 ? received(n) : finished(n);
    }

    private static String correlationId(long n) {
        return "c" + Long.toHexString(0x5eed_0000_0000L + n);
    }
}
