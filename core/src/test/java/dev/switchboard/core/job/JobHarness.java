package dev.switchboard.core.job;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.command.CommandSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A job runner wired to in-memory stores, a recording audit log and a fake chat, with commands added per test. */
final class JobHarness implements AutoCloseable {
    static final ConversationRef OPS = ConversationRef.of("web", "#ops");
    static final Principal ALICE = new Principal("alice", Set.of("developers"), true, true);
    static final Principal BOB = new Principal("bob", Set.of("sre"), true, true);
    static final Principal ADMIN = new Principal("root", Set.of("admins"), true, true);

    /** The people tests let act, by name. */
    enum Who {
        ALICE(JobHarness.ALICE), BOB(JobHarness.BOB), ADMIN(JobHarness.ADMIN);

        private final Principal principal;

        Who(Principal principal) {
            this.principal = principal;
        }

        Principal principal() {
            return principal;
        }
    }

    final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    final InMemoryJobStore store = new InMemoryJobStore();
    final InMemoryLockStore locks = new InMemoryLockStore();
    final RecordingAuditLog audit = new RecordingAuditLog(timeline);
    final FakeChatGateway chat = new FakeChatGateway();
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
    private final Map<String, Action> actions = new HashMap<>();
    final ActiveCommands commands = new ActiveCommands(commandSet());
    private final AtomicInteger events = new AtomicInteger();
    final JobRunner runner;

    JobHarness(JobSettings settings) {
        this(settings, java.util.function.UnaryOperator.identity(), null);
    }

    /** With a config redactor and, if not null, a different job store (one that fails, say). */
    JobHarness(JobSettings settings, java.util.function.UnaryOperator<String> redactor,
               dev.switchboard.api.job.JobStore jobStore) {
        runner = new JobRunner(jobStore != null ? jobStore : store, locks, audit, chat, commands, clock,
                () -> "ref" + events.get(), settings, redactor);
    }

    /** Short times so tests run in milliseconds. */
    static JobSettings fastSettings() {
        return new JobSettings(Duration.ofMillis(300), Duration.ofMillis(100), 10_000, 15, "local",
                Duration.ofMillis(50));
    }

    JobHarness() {
        this(fastSettings());
    }

    /** Declares a command with the given args (a name ending in "!" is secret), timeout, lock and action. */
    CommandSpec command(String id, String template, Duration timeout, LockSpec lock, Action action, String... args) {
        Map<String, ArgSpec> declared = new LinkedHashMap<>();
        for (String a : args) {
            boolean secret = a.endsWith("!");
            String name = secret ? a.substring(0, a.length() - 1) : a;
            declared.put(name, new ArgSpec(name, new dev.switchboard.api.command.ArgType.Text(200), secret, ""));
        }
        CommandSpec spec = new CommandSpec(id, List.of(template), declared, "", List.of(), null, lock, timeout,
                new ActionSpec("test", Map.of()), null);
        specs.put(id, spec);
        actions.put(id, action);
        commands.replace(commandSet());
        return spec;
    }

    void removeCommand(String id) {
        specs.remove(id);
        actions.remove(id);
        commands.replace(commandSet());
    }

    private CommandSet commandSet() {
        return new CommandSet(text -> new ParseResult.NoMatch(text, List.of()), List.copyOf(specs.values()),
                Map.copyOf(actions));
    }

    /** {@code who} types {@code text}, already parsed to {@code commandId} with {@code args} (name, value, ...). */
    Outcome run(Principal who, String commandId, String text, String... args) {
        return runner.run(exchange(who, commandId, text, args));
    }

    Exchange exchange(Principal who, String commandId, String text, String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i], args[i + 1]);
        }
        int n = events.incrementAndGet();
        InboundMessage message = new InboundMessage("e" + n, new PlatformUser("web", who.id(), who.id(), true), OPS,
                text, clock.instant(), false);
        return Exchange.of(message, "corr" + n).withPrincipal(who)
                .withInvocation(new Invocation(specs.get(commandId), values, text)).withAudited(true);
    }

    @Override
    public void close() {
        runner.close();
    }
}
