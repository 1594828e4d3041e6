package dev.switchboard.chat.irc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An ngIRCd for integration tests: the server named by {@code SWITCHBOARD_TEST_IRC_HOST}/{@code _PORT} (what CI
 * provides), or one started with {@code scripts/peers/ngircd.sh} on a free loopback port. When neither works the
 * tests fail in CI ({@code CI=true}) and are skipped elsewhere, saying what was missing.
 */
final class TestIrcd implements AutoCloseable {
    private static final Path SCRIPT = Path.of("../../scripts/peers/ngircd.sh").toAbsolutePath().normalize();

    private final String host;
    private final int port;
    private final Path dir;

    private TestIrcd(String host, int port, Path dir) {
        this.host = host;
        this.port = port;
        this.dir = dir;
    }

    /** The CI server if configured, else one of our own. */
    static TestIrcd obtain() {
        String host = System.getenv("SWITCHBOARD_TEST_IRC_HOST");
        String port = System.getenv("SWITCHBOARD_TEST_IRC_PORT");
        if (host != null && !host.isBlank() && port != null && !port.isBlank()) {
            return new TestIrcd(host, Integer.parseInt(port.strip()), null);
        }
        return startOwn();
    }

    /** A server of our own, which the test may kill and start again. */
    static TestIrcd startOwn() {
        try {
            Path dir = Files.createTempDirectory("switchboard-ngircd");
            return new TestIrcd("127.0.0.1", start(dir, null), dir);
        } catch (IOException | RuntimeException e) {
            return unavailable("ngIRCd could not be started with " + SCRIPT + " (" + e.getMessage() + ")");
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Kills the server process by its recorded PID, as a crash would (own servers only). */
    void kill() {
        long pid = Long.parseLong(read(dir.resolve("ngircd.pid")).strip());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /**
     * Stops the server process without closing anything (SIGSTOP), as a hung server or a black-holed network would:
     * its sockets stay open and the kernel still accepts connections, but nobody answers (own servers only).
     */
    void freeze() {
        signal("STOP");
    }

    /** Lets a {@link #freeze frozen} server run again (SIGCONT). */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        String pid = read(dir.resolve("ngircd.pid")).strip();
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, pid).redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts the server again on the same port (own servers only). */
    void restart() {
        Path pidFile = dir.resolve("ngircd.pid");
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start(dir, port);
    }

    @Override
    public void close() {
        if (dir != null) {
            run(dir, "stop", null);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }

    private static int start(Path dir, Integer port) {
        return Integer.parseInt(run(dir, "start", port).strip());
    }

    private static String run(Path dir, String command, Integer port) {
        try {
            ProcessBuilder builder = port == null
                    ? new ProcessBuilder("bash", SCRIPT.toString(), command, dir.toString())
                    : new ProcessBuilder("bash", SCRIPT.toString(), command, dir.toString(), port.toString());
            Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ngircd.sh " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestIrcd unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("an IRC server is required in CI (CI=true) but " + why);
        }
        Assumptions.abort("skipping IRC tests: " + why);
        throw new AssertionError("unreachable");
    }
}
