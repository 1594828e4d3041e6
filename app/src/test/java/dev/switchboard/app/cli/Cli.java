package dev.switchboard.app.cli;

import dev.switchboard.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the {@code switchboard} command line in process with captured stdout and stderr (and a given stdin). */
final class Cli {
    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        return runWithInput("", args);
    }

    static Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ShellCommand shell = cli.getSubcommands().get("shell").getCommand();
        shell.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
