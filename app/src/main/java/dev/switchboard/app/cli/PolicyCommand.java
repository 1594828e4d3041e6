package dev.switchboard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code switchboard policy}: questions about a configuration's policy, answered offline from the file. Its one
 * subcommand is {@code explain}. Without one, prints the usage.
 */
@Command(name = "policy", description = "Ask a configuration's policy who may run what, without a server.",
        subcommands = {PolicyExplainCommand.class})
public final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
