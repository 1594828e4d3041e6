package dev.switchboard.app.cli;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.core.command.CommandCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard check -c FILE}: validates a configuration exactly as the server would (templates, examples,
 * overlaps, action settings, policy rules) and prints every error at once (exit 1), or the commands it declares
 * (exit 0).
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
        return switch (ConfigCheck.of(config)) {
            case ConfigCheck.Result.Invalid invalid -> {
                invalid.errors().forEach(err::println);
                err.println(invalid.errors().size() + (invalid.errors().size() == 1 ? " error" : " errors")
                        + "; nothing was started.");
                yield 1;
            }
            case ConfigCheck.Result.Valid ok -> {
                out.println(config + " is valid: " + ok.config().commands().size() + " commands, "
                        + ok.config().users().size() + " users.");
                for (CommandSpec c : ok.config().commands()) {
                    out.printf("  %-20s %s%n", c.id(), String.join("  |  ", CommandCatalog.usages(c)));
                }
                yield 0;
            }
        };
    }
}
