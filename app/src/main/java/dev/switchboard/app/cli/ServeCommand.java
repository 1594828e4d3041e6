package dev.switchboard.app.cli;

import dev.switchboard.app.wiring.Startup;
import dev.switchboard.app.wiring.SwitchboardServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard serve -c FILE}: runs the server until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", description = "Run Switchboard with a configuration file until stopped.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "The configuration file (YAML).")
    Path config;

    @Option(names = "--port", description = "Listen on this port instead of server.port.")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return serve(config, port, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Starts, prints where to go, and blocks until the JVM is asked to stop. Exit code 2 when start is refused. */
    static int serve(Path config, Integer port, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(config)) {
            err.println("switchboard: no configuration file at " + config.toAbsolutePath()
                    + "; pass one with -c FILE (see examples/demo.yaml)");
            return 2;
        }
        long started = System.nanoTime();
        Startup startup = SwitchboardServer.start(config, port == null ? OptionalInt.empty() : OptionalInt.of(port),
                Clock.systemUTC());
        return switch (startup) {
            case Startup.Refused refused -> {
                err.println("switchboard: not started:");
                refused.reasons().forEach(r -> err.println("  " + r));
                yield 2;
            }
            case Startup.Running running -> {
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    running.server().close();
                    stopped.countDown();
                }, "shutdown"));
                out.printf("Switchboard is ready at %s (started in %d ms). Ctrl-C stops it.%n",
                        running.server().address(), (System.nanoTime() - started) / 1_000_000);
                out.flush();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 0;
            }
        };
    }
}
