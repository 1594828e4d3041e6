package dev.switchboard.core;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.core.approval.ApprovalCommands;
import dev.switchboard.core.approval.ApprovalSettings;
import dev.switchboard.core.approval.ExpirySweeper;
import dev.switchboard.core.approval.Notices;
import dev.switchboard.core.approval.Parking;
import dev.switchboard.core.approval.Resumption;
import dev.switchboard.core.builtin.BuiltinCommands;
import dev.switchboard.core.limit.RateLimiter;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.chat.Dispatcher;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.identity.UserDirectory;
import dev.switchboard.core.incident.IncidentCommands;
import dev.switchboard.core.incident.IncidentTimelineStage;
import dev.switchboard.core.incident.Incidents;
import dev.switchboard.core.incident.RoomSettings;
import dev.switchboard.core.job.Jobs;
import dev.switchboard.core.pipeline.ApproveStage;
import dev.switchboard.core.pipeline.AuditStage;
import dev.switchboard.core.pipeline.AuthorizeStage;
import dev.switchboard.core.pipeline.ConfirmStage;
import dev.switchboard.core.pipeline.ExecuteStage;
import dev.switchboard.core.pipeline.IdentityStage;
import dev.switchboard.core.pipeline.OutcomeReplies;
import dev.switchboard.core.pipeline.ParseStage;
import dev.switchboard.core.pipeline.Pipeline;
import dev.switchboard.core.pipeline.ReplyStage;
import dev.switchboard.core.redact.Redactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * The engine assembled by hand: the pipeline with its stages, the built-in commands, and the dispatcher adapters
 * hand messages to. Build one with {@link #builder()}; every part is given explicitly (no container).
 *
 * <p>Thread-safe. The engine owns only what it creates (the dispatcher); the audit log, stores, jobs and adapters
 * passed in are closed by whoever made them, after {@link #close()}.
 */
public final class Engine implements AutoCloseable {
    private final Pipeline pipeline;
    private final ChatGateway gateway;
    private final Dispatcher.Settings dispatcherSettings;
    private final ExpirySweeper expiry;
    private final InboundEvents inbound;
    private Dispatcher dispatcher;
    private boolean closed;

    private Engine(Pipeline pipeline, ChatGateway gateway, Dispatcher.Settings dispatcherSettings,
            ExpirySweeper expiry, InboundEvents inbound) {
        this.inbound = inbound;
        this.pipeline = pipeline;
        this.gateway = gateway;
        this.dispatcherSettings = dispatcherSettings;
        this.expiry = expiry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where adapters deliver messages: the dispatcher, started on first use. */
    public synchronized MessageSink sink() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        if (dispatcher == null) {
            dispatcher = inbound == null ? new Dispatcher(pipeline::handle, gateway, dispatcherSettings)
                    : new Dispatcher(pipeline::handle, gateway, inbound, dispatcherSettings);
        }
        return dispatcher;
    }

    /** The pipeline, for handling a message synchronously (tests, benchmarks). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Lapses confirmations and approvals nobody acted on in time; the server runs it every few seconds. */
    public ExpirySweeper expiry() {
        return expiry;
    }

    /** Stops taking messages and lets the queued ones finish (bounded by the dispatcher's drain timeout). */
    @Override
    public synchronized void close() {
        closed = true;
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    /** Collects the engine's parts; every part without a default is required. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.random();
        private IdentityResolver identity;
        private Policy policy;
        private ActiveCommands commands;
        private Jobs jobs;
        private AuditLog auditLog;
        private AuditStore auditStore;
        private ChatGateway gateway;
        private Redactor redactor = Redactor.none();
        private PendingStore pending;
        private ApprovalSettings approvals = ApprovalSettings.DEFAULTS;
        private RandomGenerator random = new SecureRandom();
        private InboundEvents inbound;
        private Supplier<UserDirectory> users = () -> UserDirectory.EMPTY;
        private Supplier<Map<String, AdapterHealth>> chatHealth = Map::of;
        private String version;
        private Dispatcher.Settings dispatcher = Dispatcher.Settings.defaults();
        private IncidentStore incidentStore;
        private ConversationRef incidentAnnounce;
        private RoomSettings incidentRooms;
        private AlertDesk alertDesk;
        private final List<Map.Entry<StageSlot, Stage>> stages = new ArrayList<>();

        private Builder() {}

        public Builder clock(Clock v) { clock = v; return this; }
        public Builder ids(IdGenerator v) { ids = v; return this; }
        public Builder identity(IdentityResolver v) { identity = v; return this; }
        public Builder policy(Policy v) { policy = v; return this; }
        public Builder commands(ActiveCommands v) { commands = v; return this; }
        public Builder jobs(Jobs v) { jobs = v; return this; }
        public Builder gateway(ChatGateway v) { gateway = v; return this; }
        public Builder redactor(Redactor v) { redactor = v; return this; }
        /** The users by id and the admin groups in force, read per message (default: none, nobody is admin). */
        public Builder users(Supplier<UserDirectory> v) { users = Objects.requireNonNull(v, "users"); return this; }
        /**
         * Each chat platform's health by name, in the order {@code chat status} lists them, read on every call
         * (default: none). Called on message threads; must be fast and never null.
         */
        public Builder chatHealth(Supplier<Map<String, AdapterHealth>> v) {
            chatHealth = Objects.requireNonNull(v, "chatHealth");
            return this;
        }
        /** The version {@code version} reports; by default the jar manifest's, or "dev". */
        public Builder version(String v) { version = v; return this; }
        public Builder dispatcher(Dispatcher.Settings v) { dispatcher = v; return this; }
        /** Where confirmations and approvals wait (required: they must survive restarts). */
        public Builder pending(PendingStore v) { pending = v; return this; }
        public Builder approvals(ApprovalSettings v) { approvals = v; return this; }
        /** Draws confirmation codes and approval ids (default: a SecureRandom); seeded in tests. */
        public Builder random(RandomGenerator v) { random = v; return this; }
        /** Remembers which platform events ran, across restarts and replicas; without it, in memory only. */
        public Builder inbound(InboundEvents v) { inbound = v; return this; }

        /**
         * Enables the incident commands over {@code store}, announcing declared and resolved incidents in
         * {@code announce} (null for nowhere), and puts commands run in an incident's conversation on its timeline
         * (a stage at {@code BEFORE_EXECUTE}). Without it, the incident commands answer that incidents are off.
         */
        public Builder incidents(IncidentStore store, ConversationRef announce) {
            incidentStore = Objects.requireNonNull(store, "store");
            incidentAnnounce = announce;
            return this;
        }

        /**
         * Gives every declared incident a dedicated room on {@code rooms.platform()} (null, the default: no rooms);
         * takes effect only with {@link #incidents}. A platform that cannot create one leaves the incident without.
         */
        public Builder incidentRooms(RoomSettings rooms) {
            incidentRooms = rooms;
            return this;
        }

        /**
         * Enables the alert commands ({@code alerts}, {@code ack}, {@code silence}, {@code unsilence},
         * {@code escalate}) and lets incidents link alerts. Without it, those commands answer that alerts are off.
         */
        public Builder alerts(AlertDesk desk) {
            alertDesk = Objects.requireNonNull(desk, "desk");
            return this;
        }

        /** The durable writer (usually a group-committing log) and the store it writes to, for queries. */
        public Builder audit(AuditLog log, AuditStore store) {
            auditLog = log;
            auditStore = store;
            return this;
        }

        /** Adds a plugin stage at a slot; stages in one slot run in the order they were added. */
        public Builder stage(StageSlot slot, Stage stage) {
            stages.add(Map.entry(Objects.requireNonNull(slot, "slot"), Objects.requireNonNull(stage, "stage")));
            return this;
        }

        public Engine build() {
            require(identity, "identity");
            require(policy, "policy");
            require(commands, "commands");
            require(jobs, "jobs");
            require(auditLog, "audit log");
            require(auditStore, "audit store");
            require(gateway, "gateway");
            require(pending, "pending store");
            Incidents incidents = incidentStore == null ? null : new Incidents(incidentStore, auditLog, gateway,
                    clock, incidentAnnounce, redactor::redact, incidentRooms, users);
            BuiltinCommands builtins = new BuiltinCommands(commands, jobs, auditStore, clock, version, policy,
                    users, chatHealth, redactor::redact, incidents == null ? null
                            : new IncidentCommands(incidents, alertDesk, jobs),
                    alertDesk);
            Parking parking = new Parking(pending, auditLog, clock, random, redactor);
            Notices notices = new Notices(gateway, redactor);
            Resumption resumption = new Resumption(commands, identity);
            Pipeline.Builder pipeline = Pipeline.builder()
                    .ids(ids)
                    .reply(new ReplyStage(gateway, jobs, new OutcomeReplies(), redactor))
                    .audit(new AuditStage(auditLog, clock, redactor, commands))
                    .identity(new IdentityStage(identity))
                    .parse(new ParseStage(commands, policy))
                    .authorize(new AuthorizeStage(policy, new RateLimiter(), clock))
                    .confirm(new ConfirmStage(policy, parking, approvals.confirmationTtl()))
                    .approve(new ApproveStage(parking, notices, auditLog, approvals))
                    .execute(new ExecuteStage(builtins, new ApprovalCommands(parking, policy, resumption, notices),
                            jobs))
                    .resumeAudit(AuditStage.forResumed(auditLog, clock, redactor, commands))
                    .resumeAuthorize(new AuthorizeStage(policy));
            if (incidents != null) {
                pipeline.stage(StageSlot.BEFORE_EXECUTE, new IncidentTimelineStage(incidents, redactor, jobs));
            }
            stages.forEach(e -> pipeline.stage(e.getKey(), e.getValue()));
            Pipeline built = pipeline.build();
            resumption.resumeWith(built::resume);
            return new Engine(built, gateway, dispatcher, new ExpirySweeper(parking, notices), inbound);
        }

        private static void require(Object part, String name) {
            if (part == null) {
                throw new IllegalStateException("the engine needs a " + name + "; set it on Engine.builder()");
            }
        }
    }
}
