package dev.switchboard.app;

import dev.switchboard.app.cli.AuditCommand;
import dev.switchboard.app.cli.CheckCommand;
import dev.switchboard.app.cli.DemoCommand;
import dev.switchboard.app.cli.PolicyCommand;
import dev.switchboard.app.cli.ServeCommand;
import dev.switchboard.app.cli.ShellCommand;
import dev.switchboard.app.cli.TokenCommand;
import dev.switchboard.app.cli.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code switchboard} command line: one subcommand per thing an operator does. */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Self-hosted ChatOps: commands, jobs and a tamper-evident audit log, in your chat.",
        subcommands = {DemoCommand.class, ServeCommand.class, CheckCommand.class, AuditCommand.class,
            PolicyCommand.class, ShellCommand.class, TokenCommand.class, VersionCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // Bugs only: expected problems are reported by the subcommands themselves.
            org.slf4j.LoggerFactory.getLogger(Main.class).error("switchboard failed", e);
            line.getErr().println("switchboard: something went wrong: " + e.getClass().getSimpleName()
                    + " (the log above has the details)");
            return 70;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
