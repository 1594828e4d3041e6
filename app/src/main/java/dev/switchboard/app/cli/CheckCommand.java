package dev.switchboard.app.cli;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.app.wiring.CommandSets;
import dev.switchboard.app.wiring.Plugins;
import dev.switchboard.app.wiring.Policies;
import dev.switchboard.app.wiring.UnenforcedSettings;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigError;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LoadResult;
import dev.switchboard.core.command.CommandCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard check -c FILE}: validates a configuration exactly as the server would (templates, examples,
 * overlaps, action settings) and prints every error at once (exit 1), or the commands it declares (exit 0).
 */
@Command(name = "check", description = "Validate a configuration: all errors with file:line:column, or the commands.")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "The configuration file (YAML).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader loader = new ConfigLoader();
        LoadResult shape = loader.load(config, CommandChecker.NONE);
        if (shape instanceof LoadResult.Rejected rejected) {
            return report(rejected.errors(), err);
        }
        var plugins = ((LoadResult.Loaded) shape).config().plugins();
        Plugins loaded = Plugins.load(plugins, config.toAbsolutePath().getParent(), Clock.systemUTC());
        List<String> missing = loaded.missing(plugins);
        if (!missing.isEmpty()) {
            err.println(config + ": plugins: no plugin named " + String.join(", ", missing) + " is installed; available: "
                    + String.join(", ", loaded.available()));
            return 1;
        }
        CommandSets commandSets = new CommandSets(loaded);
        return switch (loader.load(config, commandSets)) {
            case LoadResult.Rejected rejected -> report(rejected.errors(), err);
            case LoadResult.Loaded ok when !refusals(ok, commandSets).isEmpty() -> {
                List<String> problems = refusals(ok, commandSets);
                problems.forEach(err::println);
                err.println(problems.size() + (problems.size() == 1 ? " error" : " errors") + "; nothing was started.");
                yield 1;
            }
            case LoadResult.Loaded ok -> {
                out.println(config + " is valid: " + ok.config().commands().size() + " commands, "
                        + ok.config().users().size() + " users.");
                for (CommandSpec c : ok.config().commands()) {
                    out.printf("  %-20s %s%n", c.id(), String.join("  |  ", CommandCatalog.usages(c)));
                }
                yield 0;
            }
        };
    }

    /** Settings the server would refuse although they load: unenforceable ones, then policy rule problems. */
    private static List<String> refusals(LoadResult.Loaded ok, CommandSets commandSets) {
        List<String> unenforced = UnenforcedSettings.problems(ok.config());
        if (!unenforced.isEmpty()) {
            return unenforced;
        }
        return Policies.of(ok.config(), commandSets.known(ok.config().commands())) instanceof Policies.Built.Rejected bad ? bad.problems() : List.of();
    }

    private static int report(List<ConfigError> errors, PrintWriter err) {
        errors.forEach(err::println);
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors") + "; nothing was started.");
        return 1;
    }
}
