package dev.switchboard.core.command;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The action of a command; a command without a ready action is a wiring bug. */
    public Action action(String commandId) {
        Action action = actions.get(commandId);
        if (action == null) {
            throw new IllegalStateException("no action is configured for command " + commandId);
        }
        return action;
    }
}
