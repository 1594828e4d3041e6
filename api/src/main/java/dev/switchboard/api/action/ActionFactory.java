package dev.switchboard.api.action;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.CommandSpec;
import java.util.List;

/**
 * Builds {@link Action}s of one kind from config. Called at load and on every reload, on the loading thread.
 * Validation happens here, not when the action runs: unknown settings, missing required ones, templates naming
 * arguments the command does not declare, unparseable URLs.
 */
public interface ActionFactory {
    /** The key under {@code action:} in config, e.g. {@code shell}. */
    String kind();

    /** Validates {@code spec} for {@code command} and builds the action, or lists every problem found. */
    Configured configure(ActionSpec spec, CommandSpec command);

    /** The result of configuring an action. */
    sealed interface Configured {
        record Ready(Action action) implements Configured {}

        /**
         * The settings are wrong; each problem names the setting ({@code argv[2]}) and says what was expected.
         */
        record Rejected(List<Problem> problems) implements Configured {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    /** One thing wrong with an action's settings: the setting's path below the action kind, and what was expected. */
    record Problem(String setting, String message) {}
}
