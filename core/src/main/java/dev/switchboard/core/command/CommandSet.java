package dev.switchboard.core.command;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The commands in force: how text parses, every declared command, and the ready action of each. Immutable; a
 * config reload builds a new one and swaps it in atomically, so a message is handled entirely by one set.
 */
public record CommandSet(CommandParser parser, List<CommandSpec> commands, Map<String, Action> actions) {
    public CommandSet {
        commands = List.copyOf(commands);
        actions = Map.copyOf(actions);
    }

    public Optional<CommandSpec> find(String id) {
        return commands.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The did-you-mean of a line that matched nothing, limited to the commands whose id {@code visible} accepts. The
     * template parser suggests among the visible commands only; any other parser's suggestions are kept only when
     * they are the usage of a visible command.
     */
    public List<String> suggestions(ParseResult.NoMatch noMatch, Predicate<String> visible) {
        if (parser instanceof CommandCatalog catalog) {
            return catalog.suggestions(noMatch.text(), visible);
        }
        List<String> shown = commands.stream().filter(c -> visible.test(c.id()))
                .flatMap(c -> CommandCatalog.usages(c).stream()).toList();
        return noMatch.suggestions().stream().filter(shown::contains).toList();
    }

    /** The action of a command; a command without a ready action is a wiring bug. */
    public Action action(String commandId) {
        Action action = actions.get(commandId);
        if (action == null) {
            throw new IllegalStateException("no action is configured for command " + commandId);
        }
        return action;
    }
}
