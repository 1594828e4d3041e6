package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.wiring.Startup;
import dev.switchboard.app.wiring.SwitchboardServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;

/**
 * A real Switchboard for end-to-end tests, in a folder of its own: the config written from the template
 * {@code e2e/switchboard.yaml}, a copy of the fixture scripts (made executable here, because copying test resources
 * loses the execute bit), the password file {@code pw} and an H2 database file. Start, close and start again on the
 * same folder to test restarts. Not thread-safe: drive it from the test thread.
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = "e2e-correct-horse";
    /** A loopback port nothing listens on: bound once to learn a free number, then released. */
    static final int DEAD_PORT = freePort();
    private static final List<String> SCRIPTS = List.of("stream.sh", "nap.sh", "deploy.sh", "fail.sh", "flood.sh");

    private final Path dir;
    private final Path config;
    private SwitchboardServer server;

    private TestServer(Path dir) {
        this.dir = dir;
        this.config = dir.resolve("switchboard.yaml");
    }

    /** Prepares {@code dir} with open login and no extra commands, and starts a server on a free port. */
    static TestServer start(Path dir) {
        return start(dir, "open");
    }

    /** Prepares {@code dir} with the given login mode ({@code open} or {@code password}) and starts a server. */
    static TestServer start(Path dir, String login) {
        TestServer test = prepare(dir, login);
        test.restart();
        return test;
    }

    /** Writes the folder without starting anything. */
    static TestServer prepare(Path dir, String login) {
        TestServer test = new TestServer(dir);
        test.writeConfig(login, "");
        test.copyScripts();
        write(dir.resolve("pw"), PASSWORD + "\n");
        return test;
    }

    /** Starts on the config and database of this folder; fails the test if Switchboard refuses. */
    void restart() {
        restartOn(0);
    }

    /** Starts on this folder and the given port (0 for any free one), for configs that must name their own URL. */
    void restartOn(int port) {
        Startup startup = boot(OptionalInt.of(port));
        assertThat(startup).as("Switchboard should start").isInstanceOf(Startup.Running.class);
        server = ((Startup.Running) startup).server();
    }

    /** Starts on this folder with the given port override, whatever the outcome. */
    Startup boot(OptionalInt port) {
        return SwitchboardServer.start(config, port, Clock.systemUTC());
    }

    int port() {
        return server.port();
    }

    Path config() {
        return config;
    }

    Path dir() {
        return dir;
    }

    String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    }

    /** A logged-in web chat tab of {@code user} (open login). */
    WebChatClient connect(String user) {
        return WebChatClient.connect(port(), user, "");
    }

    /** Rewrites the config file with more command entries appended (YAML list items, indented by two spaces). */
    void writeConfig(String login, String extraCommands) {
        write(config, template()
                .replace("@DB_URL@", databaseUrl())
                .replace("@LOGIN@", login)
                .replace("@DEAD_PORT@", Integer.toString(DEAD_PORT))
                .replace("@EXTRA_COMMANDS@", extraCommands));
    }

    /** Rewrites the config file with {@code edit} applied to its current text. */
    void editConfig(java.util.function.UnaryOperator<String> edit) {
        write(config, edit.apply(configText()));
    }

    /** Writes a file next to the config (a secret for a {@code ${file:...}} reference, say). */
    void writeFile(String name, String text) {
        write(dir.resolve(name), text);
    }

    /** Replaces the config file with exactly {@code text}. */
    void overwriteConfig(String text) {
        write(config, text);
    }

    String configText() {
        try {
            return Files.readString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyScripts() {
        try {
            Path scripts = Files.createDirectories(dir.resolve("scripts"));
            for (String name : SCRIPTS) {
                Path target = scripts.resolve(name);
                try (InputStream in = resource("e2e/scripts/" + name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template() {
        try (InputStream in = resource("e2e/switchboard.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TestServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        return in;
    }

    private static void write(Path file, String text) {
        try {
            // write then move, so the config watcher never reads a half-written file
            Path tmp = Files.createTempFile(file.getParent(), ".write", ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
