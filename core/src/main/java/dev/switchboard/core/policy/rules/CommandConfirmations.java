package dev.switchboard.core.policy.rules;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.policy.condition.Compiled;
import dev.switchboard.core.policy.condition.Condition;
import dev.switchboard.core.policy.condition.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A command's own {@code confirm:} condition, which counts like a confirm rule. Commands are hot-reloaded, so
 * conditions are compiled on first use and cached by command id and text, not fixed when the policy is built.
 * {@link #problems} is the load-time check of the same text. Thread-safe.
 */
public final class CommandConfirmations {
    /** Enough for every command of a large config; beyond it the cache starts over rather than grow. */
    private static final int MAX_CACHED = 1_024;

    private record Key(String commandId, String text) {}

    private final ConcurrentHashMap<Key, Compiled> compiled = new ConcurrentHashMap<>();

    /** The compiled condition of a command that has one, or null when it has none. */
    Compiled compiled(CommandSpec command) {
        if (command.confirm() == null || command.confirm().isBlank()) {
            return null;
        }
        if (compiled.size() > MAX_CACHED) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(new Key(command.id(), command.confirm()),
                key -> Condition.parse(key.text().strip()));
    }

    /** How explanations name it: {@code demo.yaml:42:5 commands.deploy.service.confirm when env == 'prod'}. */
    static String ruleText(CommandSpec command, Compiled compiled) {
        String condition = compiled instanceof Compiled.Parsed parsed ? parsed.condition().toString()
                : command.confirm().strip();
        return (command.source() == null || command.source().isBlank() ? "" : command.source() + " ")
                + "commands." + command.id() + ".confirm when " + condition;
    }

    /**
     * What is wrong with a command's {@code confirm:} condition, for the command checks at load: a syntax error
     * with its column, or a name that is neither an argument of the command nor a context name. Empty when it is
     * fine or absent.
     */
    public static List<String> problems(CommandSpec command) {
        if (command.confirm() == null || command.confirm().isBlank()) {
            return List.of();
        }
        return switch (Condition.parse(command.confirm().strip())) {
            case Compiled.Rejected rejected -> List.of(rejected.describe());
            case Compiled.Parsed parsed -> {
                Set<String> arguments = KnownNames.argumentNames(command);
                List<String> problems = new ArrayList<>();
                for (String name : parsed.condition().names()) {
                    if (!Facts.CONTEXT_NAMES.contains(name) && !arguments.contains(name)) {
                        problems.add("'" + name + "' is neither an argument of " + command.id()
                                + " nor one of user, channel, platform, command, so it is never set"
                                + Closest.to(name, arguments).map(k -> "; did you mean '" + k + "'?").orElse(""));
                    }
                }
                yield problems;
            }
        };
    }
}
