package dev.switchboard.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard demo}: the embedded default — {@code examples/demo.yaml} with an H2 file database under
 * {@code ./data}, the built-in web chat and example commands backed by the scripts in {@code examples/scripts}.
 */
@Command(name = "demo", description = "Run the demo: H2 database in ./data, web chat, example commands.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Listen on this port instead of 8080.")
    Integer port;

    @Option(names = {"-c", "--config"}, description = "Another demo file (default: examples/demo.yaml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path file = config != null ? config : demoFile();
        if (file == null) {
            spec.commandLine().getErr().println("switchboard: examples/demo.yaml was not found; run the demo from the "
                    + "Switchboard folder (./switchboard demo) or pass -c examples/demo.yaml");
            return 2;
        }
        return ServeCommand.serve(file, port, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** examples/demo.yaml next to the launcher ({@code switchboard.home}), or in the current folder. */
    static Path demoFile() {
        String home = System.getProperty("switchboard.home");
        for (Path candidate : new Path[] {home == null ? null : Path.of(home, "examples", "demo.yaml"),
            Path.of("examples", "demo.yaml")}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
