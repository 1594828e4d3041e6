package dev.switchboard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchboard token}: API tokens. Its one subcommand is {@code new}. Without one, prints the usage. */
@Command(name = "token", description = "Make API tokens for the REST API (/api/v1).",
        subcommands = {TokenNewCommand.class})
public final class TokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
