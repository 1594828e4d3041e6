package dev.switchboard.chat.xmpp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Prosody for one test class: the server named by {@code SWITCHBOARD_TEST_XMPP_HOST}/{@code _PORT}/{@code _DOMAIN}
 * (what CI provides), or else one started with {@code scripts/peers/prosody.sh} in a temporary directory, which
 * {@link #kill} and {@link #restart} can crash and bring back on the same port. Accounts are those the script
 * registers. When no server is available the tests fail in CI ({@code CI=true}) and are skipped elsewhere.
 */
final class TestProsody implements AutoCloseable {
    static final String BOT = "switchboard";
    static final String BOT_PASSWORD = "ci-only-bot-password";
    static final List<String> PEOPLE = List.of("alice", "bob");

    private final String host;
    private final int port;
    private final String domain;
    private final Path dir;

    private TestProsody(String host, int port, String domain, Path dir) {
        this.host = host;
        this.port = port;
        this.domain = domain;
        this.dir = dir;
    }

    /** The CI server if configured, else one of our own. */
    static TestProsody obtain() {
        String host = System.getenv("SWITCHBOARD_TEST_XMPP_HOST");
        if (host != null && !host.isBlank()) {
            String port = System.getenv("SWITCHBOARD_TEST_XMPP_PORT");
            String domain = System.getenv("SWITCHBOARD_TEST_XMPP_DOMAIN");
            try {
                return new TestProsody(host, Integer.parseInt(port), domain == null ? "localhost" : domain, null);
            } catch (NumberFormatException e) {
                throw new AssertionError("SWITCHBOARD_TEST_XMPP_PORT is '" + port + "', expected a port number");
            }
        }
        return startOwn();
    }

    /** A server of our own, started by the peer script (for tests that crash it). */
    static TestProsody startOwn() {
        Path script = script();
        if (script == null) {
            return unavailable("scripts/peers/prosody.sh was not found above " + Path.of("").toAbsolutePath());
        }
        try {
            Path dir = Files.createTempDirectory("switchboard-prosody-");
            String port = run(script, "start", dir.toString());
            return new TestProsody("127.0.0.1", Integer.parseInt(port.strip()), "localhost", dir);
        } catch (IOException | RuntimeException e) {
            return unavailable("neither SWITCHBOARD_TEST_XMPP_HOST is set nor could Prosody start (" + e.getMessage()
                    + ")");
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String domain() {
        return domain;
    }

    String muc() {
        return "conference." + domain;
    }

    boolean own() {
        return dir != null;
    }

    /** Kills the server process with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("prosody.pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("prosody " + pid
                    + " is not running"));
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not kill prosody: " + e, e);
        }
    }

    /** Starts the server again on the same port, with the same accounts. */
    void restart() {
        try {
            run(script(), "start", dir.toString(), Integer.toString(port));
        } catch (IOException e) {
            throw new AssertionError("could not restart prosody: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dir != null) {
            try {
                run(script(), "stop", dir.toString());
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            } catch (IOException e) {
                throw new AssertionError("could not stop prosody: " + e.getMessage(), e);
            }
        }
    }

    private static String run(Path script, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("prosody.sh " + args[0] + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running prosody.sh", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("prosody.sh " + args[0] + " exited with " + process.exitValue());
        }
        return out;
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/peers/prosody.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static TestProsody unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Prosody is required in CI (CI=true) but " + why);
        }
        Assumptions.abort("skipping XMPP tests: " + why);
        throw new AssertionError("unreachable");
    }
}
