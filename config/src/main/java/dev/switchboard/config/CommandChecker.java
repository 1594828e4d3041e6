package dev.switchboard.config;

import dev.switchboard.api.command.CommandSpec;
import java.util.List;
import java.util.Objects;

/**
 * Checks the engine owns, run by the loader on the commands it read: compiling templates, parsing examples,
 * finding overlapping templates, validating action settings. Called on the loading thread; must not throw (the
 * loader turns an exception into one error and logs it). Problems must not contain secrets.
 */
@FunctionalInterface
public interface CommandChecker {
    /** Checks nothing: for tools that only need the config's shape. */
    CommandChecker NONE = commands -> List.of();

    List<CommandProblem> check(List<CommandSpec> commands);

    /**
     * One problem with a command.
     *
     * @param commandId the command's id
     * @param where a path inside that command ({@code "templates[0]"}, {@code "examples[1]"}, {@code "args.env"},
     *     {@code "action.shell.argv[2]"}, {@code "id"}), or empty for the command as a whole; the loader maps it
     *     to the file, line and column where that part was written (the nearest written parent if it was not)
     * @param message what is wrong and what was expected
     */
    record CommandProblem(String commandId, String where, String message) {
        public CommandProblem {
            Objects.requireNonNull(commandId, "commandId");
            where = where == null ? "" : where;
            Objects.requireNonNull(message, "message");
        }
    }
}
