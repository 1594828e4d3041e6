package dev.switchboard.app.cli;

import dev.switchboard.api.policy.Policy;
import dev.switchboard.app.wiring.CommandSets;
import dev.switchboard.app.wiring.Plugins;
import dev.switchboard.app.wiring.Policies;
import dev.switchboard.app.wiring.UnenforcedSettings;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigError;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LoadResult;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.core.command.CommandSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Loads a configuration exactly as the server would before starting: the file and its includes, the plugins it
 * enables, the commands with their actions, then the settings the server refuses (unenforceable ones, bad policy
 * rules). Shared by {@code check} and {@code policy explain}, so both accept exactly what {@code serve} runs.
 */
final class ConfigCheck {
    /** What checking found. */
    sealed interface Result {
        /** Everything the server would build from the file. */
        record Valid(SwitchboardConfig config, CommandSet commands, Policy policy) implements Result {}

        /** Every problem, one line each, {@code file:line:col: key: message} where the place is known. */
        record Invalid(List<String> errors) implements Result {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    private ConfigCheck() {}

    static Result of(Path file) {
        ConfigLoader loader = new ConfigLoader();
        LoadResult shape = loader.load(file, CommandChecker.NONE);
        if (shape instanceof LoadResult.Rejected rejected) {
            return invalid(rejected);
        }
        var enabled = ((LoadResult.Loaded) shape).config().plugins();
        Plugins plugins = Plugins.load(enabled, configDir(file), Clock.systemUTC());
        List<String> missing = plugins.missing(enabled);
        if (!missing.isEmpty()) {
            return new Result.Invalid(List.of(file + ": plugins: no plugin named " + String.join(", ", missing)
                    + " is installed; available: " + String.join(", ", plugins.available())));
        }
        CommandSets commandSets = new CommandSets(plugins);
        return switch (loader.load(file, commandSets)) {
            case LoadResult.Rejected rejected -> invalid(rejected);
            case LoadResult.Loaded ok -> {
                List<String> unenforced = UnenforcedSettings.problems(ok.config());
                if (!unenforced.isEmpty()) {
                    yield new Result.Invalid(unenforced);
                }
                yield switch (Policies.of(ok.config(), commandSets.known(ok.config().commands()))) {
                    case Policies.Built.Rejected bad -> new Result.Invalid(bad.problems());
                    case Policies.Built.Ready ready -> new Result.Valid(ok.config(),
                            commandSets.build(ok.config().commands()), ready.policy());
                };
            }
        };
    }

    private static Result invalid(LoadResult.Rejected rejected) {
        return new Result.Invalid(rejected.errors().stream().map(ConfigError::toString).toList());
    }

    private static Path configDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
