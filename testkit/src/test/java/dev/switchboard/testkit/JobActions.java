package dev.switchboard.testkit;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.action.ReplyActionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The actions of the job transcript tests, by kind; every wait is bounded so a broken test cannot hang the build.
 * <ul>
 *   <li>{@code reply}: the real one;</li>
 *   <li>{@code gated}: prints its {@code output} lines (argument placeholders filled in, raw), then waits for
 *       {@link #release()} and succeeds; an interrupt ends it at once;</li>
 *   <li>{@code looping}: prints {@code tick 1}, {@code tick 2}, ... until cancelled;</li>
 *   <li>{@code failing}: prints {@code connecting to db} and fails with exit code 3;</li>
 *   <li>{@code stubborn}: ignores interrupts and cancellation and returns only after {@link #release()}.</li>
 * </ul>
 * Thread-safe: one instance serves every job of a harness.
 */
final class JobActions implements Function<CommandSpec, Action> {
    /** The longest any action waits, so a test that forgets to release still ends. */
    static final Duration LIMIT = Duration.ofSeconds(20);

    private final CountDownLatch gate = new CountDownLatch(1);

    /** Lets every gated and stubborn job finish. */
    void release() {
        gate.countDown();
    }

    @Override
    public Action apply(CommandSpec command) {
        return switch (command.action().kind()) {
            case "reply" -> reply(command);
            case "gated" -> gated(command);
            case "looping" -> (request, context) -> {
                long deadline = System.nanoTime() + LIMIT.toNanos();
                for (int tick = 1; !context.cancelled() && System.nanoTime() < deadline; tick++) {
                    context.output("tick " + tick);
                    Thread.sleep(10);
                }
                return ActionResult.ok(null);
            };
            case "failing" -> (request, context) -> {
                context.output("connecting to db");
                return new ActionResult.Failed(null, 3);
            };
            case "stubborn" -> (request, context) -> {
                context.output("ignoring you");
                long deadline = System.nanoTime() + LIMIT.toNanos();
                while (gate.getCount() > 0 && System.nanoTime() < deadline) {
                    try {
                        gate.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        // this action is the kind that does not listen
                    }
                }
                return ActionResult.ok(Reply.text("done, whatever you said"));
            };
            default -> throw new IllegalArgumentException("no test action of kind " + command.action().kind());
        };
    }

    private Action gated(CommandSpec command) {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) command.action().settings().getOrDefault("output", List.of());
        List<ArgTemplate> templates = lines.stream().map(ArgTemplate::parse).toList();
        Object said = command.action().settings().get("reply");
        ArgTemplate reply = said == null ? null : ArgTemplate.parse((String) said);
        return (request, context) -> {
            for (ArgTemplate line : templates) {
                context.output(line.expand(request.invocation().args()));
            }
            if (!gate.await(LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                return ActionResult.failed("the test never released the gate");
            }
            return ActionResult.ok(reply == null ? null : Reply.text(reply.expand(request.invocation().args())));
        };
    }

    private static Action reply(CommandSpec command) {
        return switch (new ReplyActionFactory().configure(command.action(), command)) {
            case ActionFactory.Configured.Ready ready -> ready.action();
            case ActionFactory.Configured.Rejected r -> throw new IllegalArgumentException(r.problems().toString());
        };
    }
}
