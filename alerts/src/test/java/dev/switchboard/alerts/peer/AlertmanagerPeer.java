package dev.switchboard.alerts.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real Alertmanager for the integration tests, run by {@code scripts/peers/alertmanager.sh} in a folder. */
public final class AlertmanagerPeer {
    private static final Path SCRIPT = Path.of("..", "scripts", "peers", "alertmanager.sh").toAbsolutePath();

    private AlertmanagerPeer() {}

    /** Whether the {@code prometheus-alertmanager} binary is on the PATH. */
    public static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (String entry : path.split(":")) {
            if (Files.isExecutable(Path.of(entry, "prometheus-alertmanager"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code alertmanager.sh <command> <dir>/am} with {@code env} added (e.g. {@code WEBHOOK_URL},
     * {@code WEBHOOK_BEARER}) and returns what it printed; fails the test when it does not finish within 90 s or exits
     * non-zero.
     */
    public static String script(Path dir, String command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), command, dir.resolve("am").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(SCRIPT + " " + command + " did not finish within 90 s");
        }
        assertThat(process.exitValue()).as("%s %s exit status", SCRIPT, command).isZero();
        return out;
    }
}
