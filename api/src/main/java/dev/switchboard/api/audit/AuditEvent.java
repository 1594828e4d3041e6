package dev.switchboard.api.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audited step: who, where, what, why and when. Everything but {@code type} and {@code time} may be null.
 * Values must already be redacted: secrets never reach the audit log.
 *
 * @param actor the principal id ({@code alice}, {@code guest:irc:bob}); null for system events
 * @param account the platform account ({@code web:alice})
 * @param conversation where ({@code web:#ops})
 * @param text what was typed (redacted)
 * @param commandId the command it parsed to
 * @param args the command's arguments (redacted)
 * @param jobId the job this event is about
 * @param rule the policy rule that decided, for decisions
 * @param detail anything else: status, exit code, duration, output digest, reason
 */
public record AuditEvent(
        AuditEventType type, Instant time, String correlationId, String actor, String account, String conversation,
        String text, String commandId, Map<String, String> args, Long jobId, String rule, Map<String, String> detail) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(args));
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(detail));
    }

    public static Builder builder(AuditEventType type, Instant time) {
        return new Builder(type, time);
    }

    /** Builds an event field by field; unset fields stay null. */
    public static final class Builder {
        private final AuditEventType type;
        private final Instant time;
        private String correlationId;
        private String actor;
        private String account;
        private String conversation;
        private String text;
        private String commandId;
        private Map<String, String> args;
        private Long jobId;
        private String rule;
        private final Map<String, String> detail = new TreeMap<>();

        private Builder(AuditEventType type, Instant time) {
            this.type = type;
            this.time = time;
        }

        public Builder correlationId(String v) { correlationId = v; return this; }
        public Builder actor(String v) { actor = v; return this; }
        public Builder account(String v) { account = v; return this; }
        public Builder conversation(String v) { conversation = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder commandId(String v) { commandId = v; return this; }
        public Builder args(Map<String, String> v) { args = v; return this; }
        public Builder jobId(Long v) { jobId = v; return this; }
        public Builder rule(String v) { rule = v; return this; }

        /** Adds one detail entry; a null value is left out. */
        public Builder detail(String key, Object value) {
            if (value != null) {
                detail.put(key, String.valueOf(value));
            }
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(type, time, correlationId, actor, account, conversation, text, commandId, args,
                    jobId, rule, detail);
        }
    }
}
