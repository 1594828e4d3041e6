package dev.switchboard.app.wiring;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.CommandChecker.CommandProblem;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.command.CommandCatalog;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.command.Compilation;
import dev.switchboard.core.policy.rules.CommandConfirmations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns configured commands into a {@link CommandSet}: built-ins are added, templates and examples are compiled by
 * the parser, and every action is configured by its plugin's factory. The same checks run for {@code check}, at
 * start-up and on every reload, so what {@code check} accepts is exactly what the server runs.
 */
public final class CommandSets implements CommandChecker {
    private final Plugins plugins;

    public CommandSets(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public List<CommandProblem> check(List<CommandSpec> commands) {
        List<CommandProblem> problems = new ArrayList<>();
        Set<String> builtinIds = Builtins.specs().stream().map(CommandSpec::id).collect(Collectors.toSet());
        for (CommandSpec command : commands) {
            if (builtinIds.contains(command.id())) {
                problems.add(new CommandProblem(command.id(), "id", "'" + command.id()
                        + "' is a built-in command; choose another id"));
            }
            configure(command, problems);
            CommandConfirmations.problems(command)
                    .forEach(message -> problems.add(new CommandProblem(command.id(), "confirm", message)));
        }
        if (compile(commands) instanceof Compilation.Rejected rejected) {
            rejected.problems().forEach(p -> problems.add(new CommandProblem(p.commandId(), p.where(), p.message())));
        }
        return problems;
    }

    /**
     * Every command that can run with {@code configured}: those plus the built-ins (plugins add actions and stages,
     * not commands). What the policy checks its rules against.
     */
    public List<CommandSpec> known(List<CommandSpec> configured) {
        List<CommandSpec> all = new ArrayList<>(configured);
        all.addAll(Builtins.specs());
        return List.copyOf(all);
    }

    /** Builds the set for commands that passed {@link #check}; throws if they did not (a wiring bug). */
    public CommandSet build(List<CommandSpec> commands) {
        List<CommandProblem> problems = new ArrayList<>();
        Map<String, Action> actions = new HashMap<>();
        for (CommandSpec command : commands) {
            Action action = configure(command, problems);
            if (action != null) {
                actions.put(command.id(), action);
            }
        }
        return switch (compile(commands)) {
            case Compilation.Compiled compiled when problems.isEmpty() -> {
                List<CommandSpec> all = new ArrayList<>(commands);
                all.addAll(Builtins.specs());
                yield new CommandSet(compiled.catalog(), all, actions);
            }
            case Compilation.Compiled ignored -> throw new IllegalStateException("unchecked commands: " + problems);
            case Compilation.Rejected rejected -> throw new IllegalStateException("unchecked commands: "
                    + rejected.problems());
        };
    }

    private static Compilation compile(List<CommandSpec> commands) {
        List<CommandSpec> all = new ArrayList<>(commands);
        all.addAll(Builtins.specs());
        return CommandCatalog.compile(all);
    }

    private Action configure(CommandSpec command, List<CommandProblem> problems) {
        String kind = command.action().kind();
        ActionFactory factory = plugins.factories().get(kind);
        if (factory == null) {
            problems.add(new CommandProblem(command.id(), "action." + kind, unknownKind(kind)));
            return null;
        }
        return switch (factory.configure(command.action(), command)) {
            case ActionFactory.Configured.Ready ready -> ready.action();
            case ActionFactory.Configured.Rejected rejected -> {
                rejected.problems().forEach(p -> problems.add(new CommandProblem(command.id(),
                        "action." + kind + (p.setting().isEmpty() ? "" : "." + p.setting()), p.message())));
                yield null;
            }
        };
    }

    private String unknownKind(String kind) {
        if (plugins.available().contains(kind)) {
            return "the '" + kind + "' action comes from the " + kind + " plugin, which is not enabled; add "
                    + "'plugins: { " + kind + ": {} }' to the config";
        }
        List<String> kinds = new ArrayList<>(plugins.factories().keySet());
        plugins.available().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
        return "unknown action kind '" + kind + "'; expected one of " + String.join(", ", kinds.stream().sorted().toList());
    }
}
