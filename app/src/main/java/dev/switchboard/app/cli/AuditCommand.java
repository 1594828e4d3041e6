package dev.switchboard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code switchboard audit}: the tamper-evident audit log, read straight from the configured database. Its
 * subcommands are {@code verify} (recompute the hash chain) and {@code export} (JSON Lines). Without one, prints
 * the usage.
 */
@Command(name = "audit", description = "Verify or export the audit log of a configuration's database.",
        subcommands = {AuditVerifyCommand.class, AuditExportCommand.class})
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
