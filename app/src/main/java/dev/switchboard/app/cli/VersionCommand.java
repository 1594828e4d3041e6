package dev.switchboard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchboard version}: the version of this build. */
@Command(name = "version", description = "Print the version of this build.")
public final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The version from the jar manifest, or {@code dev} when running from classes. */
    public static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public void run() {
        spec.commandLine().getOut().println("switchboard " + version());
    }

    /** Supplies {@code --version} for the top-level command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"switchboard " + version()};
        }
    }
}
