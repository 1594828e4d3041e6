package dev.switchboard.bench;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.Engine;
import dev.switchboard.core.action.ReplyActionFactory;
import dev.switchboard.core.audit.GroupCommitAuditLog;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.command.CommandCatalog;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.command.Compilation;
import dev.switchboard.core.identity.ConfiguredIdentityResolver;
import dev.switchboard.core.identity.User;
import dev.switchboard.core.job.JobRunner;
import dev.switchboard.core.job.JobSettings;
import dev.switchboard.core.policy.rules.KnownNames;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine wired as {@code SwitchboardServer} wires it, without HTTP: JDBC storage, the group-committing audit
 * log, the built-in commands plus {@code echo {text...}} (a {@code reply} action, run as a job), the job runner,
 * configured users and a rule policy allowing them everything, replying into a {@link CountingGateway} or, for the
 * end-to-end IRC benchmark, into a real chat adapter. Every handled message is durably audited ({@code received} and
 * {@code finished}) before {@link #ping} returns. Thread-safe; {@link #close()} stops everything in reverse order.
 */
public final class BenchEngine implements AutoCloseable {
    /** The platform of the benchmark's messages. */
    public static final String PLATFORM = "bench";

    /**
     * Pings come from 64 accounts of one configured user, as a burst in an incident comes from many people: the
     * dispatcher handles one sender's messages in a conversation in order, so one sender alone would measure a queue.
     */
    private static final List<PlatformUser> SENDERS = IntStream.range(0, 64)
            .mapToObj(i -> new PlatformUser(PLATFORM, "alice-" + i, "Alice " + i, true)).toList();
    private static final List<String> SENDER_KEYS = SENDERS.stream().map(PlatformUser::key).toList();
    private static final ConversationRef ROOM = ConversationRef.of(PLATFORM, "#load");

    private final JdbcStorage storage;
    private final GroupCommitAuditLog audit;
    private final JobRunner jobs;
    private final Engine engine;
    private final ChatGateway gateway;
    private final AtomicLong eventIds = new AtomicLong();

    private BenchEngine(JdbcStorage storage, GroupCommitAuditLog audit, JobRunner jobs, Engine engine,
            ChatGateway gateway) {
        this.storage = storage;
        this.audit = audit;
        this.jobs = jobs;
        this.engine = engine;
        this.gateway = gateway;
    }

    /** {@code echo {text...}} answered by the built-in {@code reply} action, as in {@code examples/demo.yaml}. */
    private static final CommandSpec ECHO = new CommandSpec("echo", List.of("echo {text...}"), Map.of(),
            "Say something back", List.of("echo hello ops"), null, null, Duration.ofSeconds(30),
            new ActionSpec("reply", Map.of("text", "{text}")), "bench");

    /** Known users may run everything: the real policy engine, so its cost is measured too. */
    private static final dev.switchboard.api.policy.Policy OPEN_POLICY = ((RulePolicy.Built.Ready) RulePolicy.build(List.of(
            RuleSpec.allow("bench", List.of("*"), List.of(), null),
            RuleSpec.allow("bench", List.of("ping", "version"), List.of("guests"), null)),
            KnownNames.of(java.util.Map.of(), commandSpecs()))).policy();

    /** Opens (and migrates) the database and assembles the engine, replying into a {@link CountingGateway}. */
    public static BenchEngine start(StorageSettings settings) {
        return start(settings, new CountingGateway(), List.of());
    }

    /**
     * Opens (and migrates) the database and assembles the engine replying through {@code gateway}; {@code accounts}
     * (platform keys such as {@code irc:u1}) are configured users in group {@code sre} besides alice.
     */
    public static BenchEngine start(StorageSettings settings, ChatGateway gateway, List<String> accounts) {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = IdGenerator.random();
        JdbcStorage storage = JdbcStorage.open(settings);
        GroupCommitAuditLog audit = new GroupCommitAuditLog(storage.audit());
        ActiveCommands commands = new ActiveCommands(commandSet());
        JobRunner jobs = new JobRunner(storage.jobs(), storage.locks(), audit, gateway, commands, clock, ids,
                JobSettings.defaults());
        List<User> users = accounts.isEmpty() ? List.of(new User("alice", SENDER_KEYS, Set.of("sre")))
                : List.of(new User("alice", SENDER_KEYS, Set.of("sre")), new User("loader", accounts,
                        Set.of("sre")));
        ConfiguredIdentityResolver resolver = new ConfiguredIdentityResolver(users);
        Engine engine = Engine.builder().clock(clock).ids(ids)
                // The benchmark's ngIRCd sends no account tags, so its nicks arrive unverified and would be guests;
                // the load users are treated as a network with SASL accounts would vouch for them, so the known-user
                // path (the one people use) is what is measured.
                .identity(user -> resolver.resolve(accounts.contains(user.key())
                        ? new PlatformUser(user.platform(), user.id(), user.displayName(), true) : user))
                .policy(OPEN_POLICY).commands(commands).jobs(jobs)
                .audit(audit, storage.audit()).gateway(gateway).version("bench")
                .pending(storage.pending()).build();
        return new BenchEngine(storage, audit, jobs, engine, gateway);
    }

    private static List<CommandSpec> commandSpecs() {
        List<CommandSpec> all = new ArrayList<>(Builtins.specs());
        all.add(ECHO);
        return List.copyOf(all);
    }

    private static CommandSet commandSet() {
        Action echo = switch (new ReplyActionFactory().configure(ECHO.action(), ECHO)) {
            case ActionFactory.Configured.Ready ready -> ready.action();
            case ActionFactory.Configured.Rejected rejected -> throw new IllegalStateException(
                    "the echo command is wrong: " + rejected.problems());
        };
        return switch (CommandCatalog.compile(commandSpecs())) {
            case Compilation.Compiled compiled -> new CommandSet(compiled.catalog(), commandSpecs(), Map.of("echo", echo));
            case Compilation.Rejected rejected -> throw new IllegalStateException("the bench commands do not compile: "
                    + rejected.problems());
        };
    }

    /**
     * A new {@code ping} from the next of alice's accounts in turn, with an event id never used before (so the
     * dispatcher does not drop it).
     */
    public InboundMessage ping() {
        long id = eventIds.incrementAndGet();
        return new InboundMessage("e" + id, SENDERS.get((int) (id % SENDERS.size())), ROOM, "ping", Instant.now(),
                false);
    }

    /** Handles one ping synchronously on the calling thread, audit included. */
    public Outcome handlePing() {
        return handle(ping());
    }

    /** Handles one message synchronously on the calling thread, audit included (a job's too, if it ends in time). */
    public Outcome handle(InboundMessage message) {
        return engine.pipeline().handle(message);
    }

    /** The dispatcher adapters hand messages to (bounded queue, one virtual thread per message). */
    public MessageSink sink() {
        return engine.sink();
    }

    /** The counting gateway of an engine from {@link #start(StorageSettings)}; fails for any other gateway. */
    public CountingGateway gateway() {
        if (gateway instanceof CountingGateway counting) {
            return counting;
        }
        throw new IllegalStateException("this engine replies through " + gateway.getClass().getSimpleName()
                + ", not a counting gateway");
    }

    public JdbcStorage storage() {
        return storage;
    }

    /** Fails loudly unless a ping is answered "pong": a benchmark of an error path would be meaningless. */
    public void checkPingIsAnswered() {
        Outcome outcome = handlePing();
        if (!(outcome instanceof Outcome.Replied replied) || !replied.reply().plainText().contains("pong")) {
            throw new IllegalStateException("ping was not answered with pong but with " + outcome);
        }
    }

    @Override
    public void close() {
        engine.close();
        jobs.close();
        audit.close();
        storage.close();
    }
}
