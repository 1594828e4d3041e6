package dev.switchboard.core.pipeline;

import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.core.approval.BreakGlass;
import dev.switchboard.core.command.ActiveCommands;
import java.util.Objects;

/**
 * Parses the text with the command set in force (read once per message), after taking off a trailing
 * {@code --break-glass "reason"} (see {@link BreakGlass}). A blank message is ignored; a message
 * longer than {@link #MAX_LENGTH} characters is refused without parsing; everything that is not a clean match ends
 * here as an outcome the user can act on.
 */
public final class ParseStage implements Stage {
    /** The longest text parsed as a command. */
    public static final int MAX_LENGTH = 4000;

    private final ActiveCommands commands;

    public ParseStage(ActiveCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        String text = exchange.message().text();
        if (text.isBlank()) {
            return new Outcome.Ignored("empty message");
        }
        if (text.length() > MAX_LENGTH) {
            return new Outcome.Invalid(new ParseResult.Invalid(null, "message", text.length() + " characters",
                    "message too long (" + text.length() + " characters); commands are at most " + MAX_LENGTH, null));
        }
        BreakGlass.Split split = BreakGlass.split(text);
        ParseResult result = commands.current().parser().parse(split.command().strip());
        return switch (result) {
            case ParseResult.Matched m -> chain.proceed(exchange.withInvocation(m.invocation())
                    .withBreakGlass(split.reason().orElse(null)));
            case ParseResult.NoMatch n -> new Outcome.NoMatch(n.text(), n.suggestions());
            case ParseResult.Ambiguous a -> new Outcome.Ambiguous(a.text(), a.candidates());
            case ParseResult.Invalid i -> new Outcome.Invalid(i);
        };
    }
}
