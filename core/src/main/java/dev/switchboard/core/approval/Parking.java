package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.core.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Parks requests and records what happens to them. Creates each {@link PendingRequest} under a fresh id (retrying
 * on the rare collision), audits it before anyone is asked (audit before action), and writes the audit events of
 * every later step with the rule, the frozen arguments and their hash. Thread-safe.
 */
public final class Parking {
    private static final String ID_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int ATTEMPTS = 20;

    private final PendingStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final Redactor redactor;

    public Parking(PendingStore store, AuditLog audit, Clock clock, RandomGenerator random, Redactor redactor) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    public PendingStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Parks the exchange's invocation and records {@code confirmation_requested} or {@code approval_requested}.
     * Throws (a storage failure) when it could not be stored or audited; the stage then fails closed.
     */
    public PendingRequest park(Exchange ex, PendingRequest.Kind kind, String rule, List<String> approvers,
            int required, Duration ttl) {
        var invocation = ex.invocation();
        Map<String, String> shown = redactor.redact(invocation.redactedArgs());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PendingRequest request = new PendingRequest(newId(kind), kind, ex.correlationId(), ex.message(),
                    ex.principal().id(), invocation.commandId(), shown, ArgsHash.of(invocation), rule, approvers,
                    required, clock.instant(), clock.instant().plus(ttl), PendingRequest.State.PENDING, List.of(),
                    null);
            if (store.create(request)) {
                record(kind == PendingRequest.Kind.CONFIRMATION ? AuditEventType.CONFIRMATION_REQUESTED
                        : AuditEventType.APPROVAL_REQUESTED, request, request.requesterId(),
                        request.request().user().key())
                        .detail("expires", request.expires().toString())
                        .detail("approvers", String.join(", ", approvers))
                        .detail("required", required)
                        .write();
                return request;
            }
        }
        throw new IllegalStateException("could not find a free id for a " + kind + " after " + ATTEMPTS + " tries");
    }

    /** Starts an audit event about {@code request} by {@code actorId} using {@code account}; call write to record. */
    public Recorder record(AuditEventType type, PendingRequest request, String actorId, String account) {
        AuditEvent.Builder event = AuditEvent.builder(type, clock.instant())
                .correlationId(request.correlationId())
                .actor(actorId)
                .account(account)
                .conversation(request.request().conversation().toString())
                .commandId(request.commandId())
                .args(request.shownArgs())
                .rule(request.rule())
                .detail("request", request.id())
                .detail("hash", request.argsHash());
        return new Recorder(event);
    }

    /** What people see of a parked request: {@code deploy.service service=web env=prod #3fa2c1d0}. */
    public static String describe(PendingRequest request) {
        String args = request.shownArgs().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return request.commandId() + (args.isEmpty() ? "" : " " + args) + " #" + request.argsHash();
    }

    private String newId(PendingRequest.Kind kind) {
        if (kind == PendingRequest.Kind.CONFIRMATION) {
            return String.valueOf(1000 + random.nextInt(9000));
        }
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
        }
        return id.toString();
    }

    /** An audit event being written; {@link #write} records it synchronously. */
    public final class Recorder {
        private final AuditEvent.Builder event;

        private Recorder(AuditEvent.Builder event) {
            this.event = event;
        }

        public Recorder detail(String key, Object value) {
            if (value != null) {
                event.detail(key, value);
            }
            return this;
        }

        /** Writes the event; throws when the audit log cannot be written. */
        public void write() {
            audit.record(event.build());
        }
    }
}
