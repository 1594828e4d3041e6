package dev.switchboard.testkit;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.core.Engine;
import dev.switchboard.core.approval.InMemoryPendingStore;
import dev.switchboard.core.audit.InMemoryAuditStore;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.chat.AdapterGateway;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.command.CommandCatalog;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.command.Compilation;
import dev.switchboard.core.action.ReplyActionFactory;
import dev.switchboard.core.job.InMemoryJobStore;
import dev.switchboard.core.job.InMemoryLockStore;
import dev.switchboard.core.job.JobRunner;
import dev.switchboard.core.job.JobSettings;
import dev.switchboard.core.identity.ConfiguredIdentityResolver;
import dev.switchboard.core.identity.User;
import dev.switchboard.core.identity.UserDirectory;
import dev.switchboard.core.incident.RoomSettings;
import dev.switchboard.core.job.Jobs;
import dev.switchboard.core.policy.rules.KnownNames;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import dev.switchboard.core.redact.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A chat room around the real engine, for transcript tests: users say things, the pipeline runs synchronously on the
 * test's thread, and the test reads what the bot answered ({@link #transcript()}) and what was audited
 * ({@link #audit()}). Everything is in memory: a {@link FakeChatAdapter} on platform {@code web} (accounts read
 * {@code web:alice}), an {@link InMemoryAuditStore} written directly (no writer thread), a {@link TestClock} and
 * {@link SequentialIds} (refs are {@code 000001}, {@code 000002}, ...).
 *
 * <p>By default the real parts run: the template parser ({@link CommandCatalog}), the {@link JobRunner} over in-memory
 * job and lock stores, and {@code reply} actions. Tests may plug in others through the builder. Built-in commands
 * are always present. To simulate a restart, build a second harness over the first one's stores
 * ({@link HarnessBuilder#jobStore}, {@link HarnessBuilder#lockStore}; {@link HarnessBuilder#adapter} and {@link HarnessBuilder#auditStore} to
 * keep the same room and log) and call {@code jobs().recoverAfterRestart()}.
 * Users not registered with {@link #user} are guests. Not thread-safe for the test's own calls; jobs may post from
 * other threads.
 */
public final class ChatTestHarness implements AutoCloseable {
    /** The parts the engine is built from, for factories that need them (a job runner writes audit and chat). */
    public record Parts(TestClock clock, IdGenerator ids, AuditLog auditLog, AuditStore auditStore,
            ChatGateway gateway, ActiveCommands commands, Redactor redactor) {}

    /**
     * The real job runner's default settings: ack after 2 s, edit every 50 ms, node {@code test}, lock poll 20 ms.
     * Tests of slow jobs usually want {@link #quickAck()}.
     */
    public static final JobSettings DEFAULT_JOB_SETTINGS = new JobSettings(Duration.ofSeconds(2), Duration.ofMillis(50),
            10_000, 15, "test", Duration.ofMillis(20));

    /** {@link #DEFAULT_JOB_SETTINGS} with an ack after 100 ms, so a slow job is acknowledged quickly. */
    public static JobSettings quickAck() {
        JobSettings d = DEFAULT_JOB_SETTINGS;
        return new JobSettings(Duration.ofMillis(100), d.editInterval(), d.outputLines(), d.tailLines(), d.node(),
                d.lockPoll());
    }

    private final FakeChatAdapter adapter;
    private final TestClock clock = new TestClock();
    private final AuditStore auditStore;
    private final ActiveCommands commands;
    private final Function<List<CommandSpec>, CommandParser> parser;
    private final Function<CommandSpec, Action> actions;
    private final List<CommandSpec> declared = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final Jobs jobs;
    private final PendingStore pending;
    private final IncidentStore incidents;
    private final Engine engine;
    private volatile IdentityResolver identity = new ConfiguredIdentityResolver(List.of());
    private final Set<String> adminGroups;
    private volatile UserDirectory directory;

    ChatTestHarness(HarnessBuilder b) {
        this.adapter = b.adapter != null ? b.adapter : new FakeChatAdapter();
        this.auditStore = b.auditStore != null ? b.auditStore : new InMemoryAuditStore();
        this.parser = b.parser;
        this.actions = b.actions;
        this.declared.addAll(b.commands);
        this.adminGroups = b.adminGroups;
        this.directory = new UserDirectory(List.of(), adminGroups);
        this.commands = new ActiveCommands(commandSet());
        AuditLog auditLog = event -> auditStore.append(List.of(event)).getFirst();
        Redactor redactor = Redactor.of(b.secrets, b.patterns);
        AdapterGateway gateway = new AdapterGateway(List.of(adapter));
        SequentialIds ids = new SequentialIds();
        Parts parts = new Parts(clock, ids, auditLog, auditStore, gateway, commands, redactor);
        this.jobs = b.jobs != null ? b.jobs.apply(parts) : jobRunner(parts, b);
        this.pending = b.pending != null ? b.pending : new InMemoryPendingStore();
        Engine.Builder engine = Engine.builder().clock(clock).ids(ids).identity(user -> identity.resolve(user))
                .policy(b.policy).commands(commands).jobs(jobs).audit(auditLog, auditStore)
                .gateway(gateway)
                .redactor(redactor).version(b.version).users(() -> directory).pending(pending)
                .approvals(b.approvals).random(new Random(b.seed)).chatHealth(b.chatHealth);
        if (b.incidents != null) {
            engine.incidents(b.incidents, b.incidentAnnounce == null ? null
                    : ConversationRef.of(adapter.platform(), b.incidentAnnounce));
        }
        if (b.incidentRoomPrefix != null) {
            engine.incidentRooms(new RoomSettings(adapter.platform(), b.incidentRoomPrefix));
        }
        if (b.alerts != null) {
            engine.alerts(b.alerts);
        }
        this.incidents = b.incidents;
        b.stages.forEach(e -> engine.stage(e.getKey(), e.getValue()));
        this.engine = engine.build();
    }

    public static HarnessBuilder builder() {
        return new HarnessBuilder();
    }

    /** Registers a known user with account {@code web:<id>} in the given groups. */
    public ChatTestHarness user(String id, String... groups) {
        return user(new User(id, List.of("web:" + id), Set.of(groups)));
    }

    /** Registers a known user with any accounts, replacing one with the same id (as a config reload would). */
    public ChatTestHarness user(User user) {
        users.removeIf(u -> u.id().equals(user.id()));
        users.add(user);
        identity = new ConfiguredIdentityResolver(users);
        directory = new UserDirectory(users, adminGroups);
        return this;
    }

    /**
     * Adds a command, or replaces the one with the same id (as a config reload would: a new command set is swapped
     * in).
     */
    public ChatTestHarness command(CommandSpec command) {
        declared.removeIf(c -> c.id().equals(command.id()));
        declared.add(command);
        commands.replace(commandSet());
        return this;
    }

    public ChatTestHarness command(Commands.Builder command) {
        return command(command.build());
    }

    /** Someone on platform {@code web} with login {@code login}, verified, in {@code #general} until told otherwise. */
    public Speaker as(String login) {
        return new Speaker(this, login, ConversationRef.of(adapter.platform(), "#general"), true);
    }

    /** What {@code login} said, as the platform would deliver it, run through the pipeline to its end. */
    Outcome said(String login, ConversationRef where, boolean verified, String text) {
        adapter.userSaid(login, where, text);
        InboundMessage message = new InboundMessage("ev-" + events.incrementAndGet(),
                new PlatformUser(where.platform(), login, login, verified), where, text, clock.instant(),
                where.id().startsWith("dm:"));
        return engine.pipeline().handle(message);
    }

    /** Every line so far, {@code alice: ping} / {@code bot: pong}; edited bot messages show their final text. */
    public List<String> transcript() {
        return adapter.transcript();
    }

    /** The lines of one conversation. */
    public List<String> transcript(String conversationId) {
        return adapter.transcript(conversationId);
    }

    /** The bot's edits in order, {@code <message id>: <new text>}. */
    public List<String> edits() {
        return adapter.edits();
    }

    /** Every audit event, oldest first. */
    public List<AuditEvent> audit() {
        return auditStore.read(1, Integer.MAX_VALUE).stream().map(AuditRecord::event).toList();
    }

    /** Where confirmations and approvals wait; share it with a second harness to simulate a restart. */
    public PendingStore pending() {
        return pending;
    }

    /** Where incidents are kept, or null when the harness was built without {@link HarnessBuilder#incidents}. */
    public IncidentStore incidents() {
        return incidents;
    }

    /** Lapses the confirmations and approvals due by the test clock's now, as the server's sweeper does. */
    public int expirePending() {
        return engine.expiry().sweep();
    }

    public TestClock clock() {
        return clock;
    }

    public FakeChatAdapter adapter() {
        return adapter;
    }

    public Engine engine() {
        return engine;
    }

    /** The jobs the engine runs commands with (by default the real {@link JobRunner}). */
    public Jobs jobs() {
        return jobs;
    }

    /** Closes the engine, then the job runner, which stops the jobs still running (as a server shutting down does). */
    @Override
    public void close() {
        engine.close();
        stopJobs();
    }

    /**
     * As if the server process died: the engine stops taking messages, but running jobs are abandoned rather than
     * stopped, so a second harness over the same stores can show what the next start finds. Call {@link #close}
     * afterwards to release the abandoned runner.
     */
    public void crash() {
        engine.close();
    }

    private void stopJobs() {
        if (jobs instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("the job runner did not close", e);
            }
        }
    }

    private CommandSet commandSet() {
        List<CommandSpec> all = new ArrayList<>(declared);
        all.addAll(Builtins.specs());
        Map<String, Action> ready = new HashMap<>();
        for (CommandSpec c : declared) {
            Action action = actions.apply(c);
            if (action != null) {
                ready.put(c.id(), action);
            }
        }
        return new CommandSet(parser.apply(List.copyOf(all)), all, ready);
    }

    /** The real template parser; a command set that does not compile is a mistake in the test. */
    static CommandParser compile(List<CommandSpec> commands) {
        return switch (CommandCatalog.compile(commands)) {
            case Compilation.Compiled c -> c.catalog();
            case Compilation.Rejected r -> throw new IllegalArgumentException("the test's commands do not compile: "
                    + r.problems());
        };
    }

    /** The real job runner over the builder's (or fresh in-memory) stores. */
    private static Jobs jobRunner(Parts parts, HarnessBuilder b) {
        return new JobRunner(b.jobStore != null ? b.jobStore : new InMemoryJobStore(),
                b.lockStore != null ? b.lockStore : new InMemoryLockStore(), parts.auditLog(), parts.gateway(),
                parts.commands(), parts.clock(), parts.ids(), b.jobSettings, parts.redactor()::redact);
    }

    /** {@code reply} actions are built for real; other kinds need {@link HarnessBuilder#actions}. */
    static Action replyAction(CommandSpec command) {
        if (!command.action().kind().equals("reply")) {
            return null;
        }
        return switch (new ReplyActionFactory().configure(command.action(), command)) {
            case ActionFactory.Configured.Ready ready -> ready.action();
            case ActionFactory.Configured.Rejected r -> throw new IllegalArgumentException(
                    "the reply action of " + command.id() + " is wrong: " + r.problems());
        };
    }

    /**
     * Known users may run every command, guests {@code ping} and {@code version} besides the built-in help and
     * whoami: the configured policy engine with two rules, so transcripts exercise the real one.
     */
    public static Policy openPolicy() {
        return ((RulePolicy.Built.Ready) RulePolicy.build(List.of(
                RuleSpec.allow("harness", List.of("*"), List.of(), null),
                RuleSpec.allow("harness", List.of("ping", "version"), List.of("guests"), null)),
                KnownNames.of(java.util.Map.of(), Builtins.specs()))).policy();
    }
}
