package dev.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The IRC server of a benchmark run: one given by host and port, or an ngIRCd started with
 * {@code scripts/peers/ngircd.sh} on a free loopback port (flood penalties off: {@code MaxPenaltyTime = 0}) and
 * stopped by its recorded PID on {@link #close()}. Not thread-safe.
 */
public final class Ircd implements AutoCloseable {
    private final String host;
    private final int port;
    private final Path script;
    private final Path dir;

    private Ircd(String host, int port, Path script, Path dir) {
        this.host = host;
        this.port = port;
        this.script = script;
        this.dir = dir;
    }

    /** A server someone else runs; {@link #close()} leaves it alone. */
    public static Ircd given(String host, int port) {
        return new Ircd(host, port, null, null);
    }

    /** The server named by {@code SWITCHBOARD_TEST_IRC_HOST}/{@code _PORT} (what {@code .ci/run} exports), if set. */
    public static Optional<Ircd> fromEnvironment() {
        String host = System.getenv("SWITCHBOARD_TEST_IRC_HOST");
        String port = System.getenv("SWITCHBOARD_TEST_IRC_PORT");
        if (host == null || host.isBlank() || port == null || port.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(given(host.strip(), Integer.parseInt(port.strip())));
    }

    /**
     * Starts ngIRCd with {@code script} in a new temporary folder.
     *
     * @throws IllegalStateException saying why when the script is missing or the server does not start
     */
    public static Ircd start(Path script) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no ngIRCd start script at " + script.toAbsolutePath()
                    + "; run from the repository root or pass --script");
        }
        try {
            Path dir = Files.createTempDirectory("switchboard-bench-ngircd-");
            int port = Integer.parseInt(run(script, "start", dir).strip());
            return new Ircd("127.0.0.1", port, script, dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for ngIRCd: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("ngircd.sh did not print a port: " + e.getMessage(), e);
        }
    }

    /** {@code scripts/peers/ngircd.sh} in the working directory or one of its parents, if there is one. */
    public static Optional<Path> findScript() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("scripts/peers/ngircd.sh");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** What this server is, for the printed results. */
    public String description() {
        return dir == null ? "IRC server at " + host + ":" + port
                : "ngIRCd " + version() + " started by ngircd.sh on " + host + ":" + port + " (pid " + pid()
                        + ", MaxPenaltyTime = 0: no flood control)";
    }

    /** Stops a server this object started, by its recorded PID (through the script); a given one is left running. */
    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        try {
            run(script, "stop", dir);
            BenchDatabase.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop ngIRCd in " + dir + ": " + e.getMessage());
        }
    }

    private String pid() {
        try {
            return Files.readString(dir.resolve("ngircd.pid")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String version() {
        try {
            Process process = new ProcessBuilder("/usr/sbin/ngircd", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            String first = out.lines().findFirst().orElse("");
            return first.replaceFirst("^ngIRCd\\s*", "").split("-")[0].strip();
        } catch (IOException e) {
            return "(version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(version unknown)";
        }
    }

    private static String run(Path script, String command, Path dir) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command, dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ngircd.sh " + command + " did not finish within 300 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("ngircd.sh " + command + " failed (exit " + process.exitValue() + ")");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ngircd.sh " + command, e);
        }
    }
}
