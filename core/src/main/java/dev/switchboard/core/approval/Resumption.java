package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.command.ActiveCommands;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Turns a parked request back into the exchange it was, and runs it on. The text is parsed again with the commands
 * in force and must give the same arguments (the same {@link ArgsHash}); the requester is resolved again, so a
 * user who was removed meanwhile is a guest now; the policy is asked again by the resumed pipeline. Thread-safe.
 */
public final class Resumption {
    private final ActiveCommands commands;
    private final IdentityResolver identity;
    private final AtomicReference<Function<Exchange, Outcome>> pipeline = new AtomicReference<>();

    public Resumption(ActiveCommands commands, IdentityResolver identity) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** Connects the pipeline's resume entry; the pipeline is built after the stages that need this. */
    public void resumeWith(Function<Exchange, Outcome> resume) {
        pipeline.set(Objects.requireNonNull(resume, "resume"));
    }

    /** The request as an exchange again, or why it cannot be: the command changed or is gone. */
    public sealed interface Rebuilt {
        record Ready(Exchange exchange) implements Rebuilt {}

        record Changed(String reason) implements Rebuilt {}
    }

    /** Rebuilds the exchange of {@code request} (audited: its {@code received} event was written when it came in). */
    public Rebuilt rebuild(PendingRequest request) {
        BreakGlass.Split split = BreakGlass.split(request.request().text());
        ParseResult parsed = commands.current().parser().parse(split.command().strip());
        if (!(parsed instanceof ParseResult.Matched matched)) {
            return new Rebuilt.Changed("\"" + request.commandId() + "\" no longer parses the same way since the request"
                    + " was made (the commands were reloaded)");
        }
        Invocation invocation = matched.invocation();
        if (!invocation.commandId().equals(request.commandId()) || !ArgsHash.of(invocation).equals(request.argsHash())) {
            return new Rebuilt.Changed("the arguments would no longer be the ones requested (#" + request.argsHash()
                    + "), because the command definitions changed");
        }
        Principal requester = identity.resolve(request.request().user());
        Exchange exchange = new Exchange(request.request(), request.correlationId(), requester, invocation, null, true,
                split.reason().orElse(null));
        return new Rebuilt.Ready(exchange);
    }

    /** Runs a rebuilt exchange from the authorize stage on; its reply goes to the request's own conversation. */
    public Outcome resume(Exchange exchange) {
        Function<Exchange, Outcome> resume = pipeline.get();
        if (resume == null) {
            throw new IllegalStateException("bug: resumption used before the pipeline was connected");
        }
        return resume.apply(exchange);
    }
}
