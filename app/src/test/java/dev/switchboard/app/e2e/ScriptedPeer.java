package dev.switchboard.app.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real chat server for end-to-end tests: the one CI names in {@code SWITCHBOARD_TEST_<KIND>_HOST}/{@code _PORT}
 * (and {@code _DOMAIN} for XMPP), or one started on a free loopback port with {@code scripts/peers/<script>}
 * (ngIRCd, Prosody; accounts switchboard/alice/bob come from prosody.sh). When neither works the test fails in CI
 * ({@code CI=true}) and is skipped elsewhere, saying what was missing. Servers the test configures itself
 * (Alertmanager, Prometheus) are always started by their script ({@link #started}).
 */
final class ScriptedPeer implements AutoCloseable {
    private static final Path SCRIPTS = Path.of("../scripts/peers").toAbsolutePath().normalize();

    private final String host;
    private final int port;
    private final String domain;
    private final Path script;
    private final Path dir;

    private ScriptedPeer(String host, int port, String domain, Path script, Path dir) {
        this.host = host;
        this.port = port;
        this.domain = domain;
        this.script = script;
        this.dir = dir;
    }

    /** An ngIRCd. */
    static ScriptedPeer irc() {
        return obtain("IRC", "ngircd.sh", null);
    }

    /** A Prosody with domain {@code localhost} (or CI's) and the accounts switchboard, alice and bob. */
    static ScriptedPeer xmpp() {
        return obtain("XMPP", "prosody.sh", "localhost");
    }

    /**
     * A server configured by the test through {@code env} (e.g. {@code WEBHOOK_URL} for alertmanager.sh), always
     * started with {@code scripts/peers/<scriptName>} on a free loopback port. When {@code binary} is not on the
     * PATH the test fails in CI and is skipped elsewhere; a script that fails with the binary present fails the test.
     */
    static ScriptedPeer started(String kind, String scriptName, String binary, Map<String, String> env) {
        if (!onPath(binary)) {
            String why = binary + " is not installed (scripts/peers/" + scriptName + " or .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(kind + " is required in CI (CI=true) but " + why);
            }
            Assumptions.abort("skipping: " + why);
        }
        Path script = SCRIPTS.resolve(scriptName);
        try {
            Path dir = Files.createTempDirectory("switchboard-e2e-" + kind.toLowerCase(java.util.Locale.ROOT));
            int started = Integer.parseInt(run(script, "start", dir, env).strip());
            return new ScriptedPeer("127.0.0.1", started, null, script, dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for " + kind + ": " + e.getMessage(), e);
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

    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        try {
            run(script, "stop", dir, Map.of());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }

    private static ScriptedPeer obtain(String kind, String scriptName, String defaultDomain) {
        String host = System.getenv("SWITCHBOARD_TEST_" + kind + "_HOST");
        String port = System.getenv("SWITCHBOARD_TEST_" + kind + "_PORT");
        String domain = System.getenv("SWITCHBOARD_TEST_" + kind + "_DOMAIN");
        domain = domain == null || domain.isBlank() ? defaultDomain : domain.strip();
        if (host != null && !host.isBlank() && port != null && !port.isBlank()) {
            return new ScriptedPeer(host.strip(), Integer.parseInt(port.strip()), domain, null, null);
        }
        Path script = SCRIPTS.resolve(scriptName);
        try {
            Path dir = Files.createTempDirectory("switchboard-e2e-" + kind.toLowerCase(java.util.Locale.ROOT));
            int started = Integer.parseInt(run(script, "start", dir, Map.of()).strip());
            return new ScriptedPeer("127.0.0.1", started, defaultDomain, script, dir);
        } catch (IOException | RuntimeException e) {
            String why = kind + " server could not be started with " + script + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("a " + kind + " server is required in CI (CI=true) but " + why);
            }
            Assumptions.abort("skipping: " + why);
            throw new AssertionError("unreachable");
        }
    }

    private static boolean onPath(String binary) {
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, binary))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path script, String command, Path dir, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command, dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(env);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script.getFileName() + " " + command + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
