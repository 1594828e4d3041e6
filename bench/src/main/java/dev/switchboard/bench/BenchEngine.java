package dev.switchboard.bench;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.Engine;
import dev.switchboard.core.audit.GroupCommitAuditLog;
import dev.switchboard.core.builtin.Builtins;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine wired as {@code SwitchboardServer} wires it, without HTTP or chat adapters: JDBC storage, the
 * group-committing audit log, the built-in commands, the job runner, one configured user and the interim policy,
 * replying into a {@link CountingGateway}. Every handled message is durably audited ({@code received} and
 * {@code finished}) before {@link #ping} returns. Thread-safe; {@link #close()} stops everything in reverse order.
 */
public final class BenchEngine implements AutoCloseable {
    /** The platform of the benchmark's messages. */
    public static final String PLATFORM = "bench";

    private static final PlatformUser ALICE = new PlatformUser(PLATFORM, "alice", "Alice", true);
    private static final ConversationRef ROOM = ConversationRef.of(PLATFORM, "#load");

    private final JdbcStorage storage;
    private final GroupCommitAuditLog audit;
    private final JobRunner jobs;
    private final Engine engine;
    private final CountingGateway gateway;
    private final AtomicLong eventIds = new AtomicLong();

    private BenchEngine(JdbcStorage storage, GroupCommitAuditLog audit, JobRunner jobs, Engine engine,
            CountingGateway gateway) {
        this.storage = storage;
        this.audit = audit;
        this.jobs = jobs;
        this.engine = engine;
        this.gateway = gateway;
    }

    /** Opens (and migrates) the database and assembles the engine. */
    /** Known users may run everything: the real policy engine, so its cost is measured too. */
    private static final dev.switchboard.api.policy.Policy OPEN_POLICY = ((RulePolicy.Built.Ready) RulePolicy.build(List.of(
            RuleSpec.allow("bench", List.of("*"), List.of(), null),
            RuleSpec.allow("bench", List.of("ping", "version"), List.of("guests"), null)),
            KnownNames.of(java.util.Map.of(), Builtins.specs()))).policy();

    public static BenchEngine start(StorageSettings settings) {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = IdGenerator.random();
        JdbcStorage storage = JdbcStorage.open(settings);
        GroupCommitAuditLog audit = new GroupCommitAuditLog(storage.audit());
        CountingGateway gateway = new CountingGateway();
        ActiveCommands commands = new ActiveCommands(builtinCommands());
        JobRunner jobs = new JobRunner(storage.jobs(), storage.locks(), audit, gateway, commands, clock, ids,
                JobSettings.defaults());
        Engine engine = Engine.builder().clock(clock).ids(ids)
                .identity(new ConfiguredIdentityResolver(List.of(
                        new User("alice", List.of(ALICE.key()), Set.of("sre")))))
                .policy(OPEN_POLICY).commands(commands).jobs(jobs)
                .audit(audit, storage.audit()).gateway(gateway).version("bench")
                .pending(storage.pending()).build();
        return new BenchEngine(storage, audit, jobs, engine, gateway);
    }

    private static CommandSet builtinCommands() {
        return switch (CommandCatalog.compile(Builtins.specs())) {
            case Compilation.Compiled compiled -> new CommandSet(compiled.catalog(), Builtins.specs(), Map.of());
            case Compilation.Rejected rejected -> throw new IllegalStateException("built-ins do not compile: "
                    + rejected.problems());
        };
    }

    /** A new {@code ping} from alice, with an event id never used before (so the dispatcher does not drop it). */
    public InboundMessage ping() {
        return new InboundMessage("e" + eventIds.incrementAndGet(), ALICE, ROOM, "ping", Instant.now(), false);
    }

    /** Handles one ping synchronously on the calling thread, audit included. */
    public Outcome handlePing() {
        return engine.pipeline().handle(ping());
    }

    /** The dispatcher adapters hand messages to (bounded queue, one virtual thread per message). */
    public MessageSink sink() {
        return engine.sink();
    }

    public CountingGateway gateway() {
        return gateway;
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
