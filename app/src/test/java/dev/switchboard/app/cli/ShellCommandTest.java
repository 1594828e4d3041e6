package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.wiring.Startup;
import dev.switchboard.app.wiring.SwitchboardServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {
    @TempDir
    static Path dir;
    private static SwitchboardServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        Path config = dir.resolve("switchboard.yaml");
        Files.writeString(config, """
                server: { bind: 127.0.0.1, port: 0 }
                storage: { url: "jdbc:h2:file:%s" }
                chat:
                  web: { enabled: true, login: open }
                users:
                  - { id: alice, accounts: ["web:alice"], groups: [developers] }
                policy:
                  - { allow: ["ping", "echo"] }
                commands:
                  - id: echo
                    templates: ["echo {text...}"]
                    help: Say something back
                    examples: ["echo hello ops"]
                    action:
                      reply: { text: "{text}" }
                """.formatted(dir.resolve("db/switchboard").toAbsolutePath()));
        Startup startup = SwitchboardServer.start(config, OptionalInt.of(0), Clock.systemUTC());
        assertThat(startup).isInstanceOf(Startup.Running.class);
        server = ((Startup.Running) startup).server();
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typedLinesAreSaidAndTheRepliesPrintedAsPlainText() {
        Cli.Run run = Cli.runWithInput("ping\necho hi there\n/quit\n", "shell", "--url", url, "--user", "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("alice: ping", "switchboard: pong", "alice: echo hi there",
                "switchboard: hi there");
        assertThat(run.err()).contains("connected to " + url + " as alice in #general");
    }

    @Test
    void joinSwitchesTheRoomLinesAreSaidIn() {
        Cli.Run run = Cli.runWithInput("/join #Ops\necho in ops\n", "shell", "--url", url, "--user", "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("-- #ops --", "alice: echo in ops", "switchboard: in ops");
    }

    @Test
    void theStartingRoomCanBeChosen() {
        Cli.Run run = Cli.runWithInput("echo from deploys\n", "shell", "--url", url, "--user", "alice",
                "--room", "#deploys");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("switchboard: from deploys");
    }

    @Test
    void anUnknownShellCommandIsExplainedAndNotSent() {
        Cli.Run run = Cli.runWithInput("/frobnicate now\n/join ops\n", "shell", "--url", url, "--user", "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(
                "! unknown shell command /frobnicate; the shell knows /join #room and /quit",
                "! expected /join #room, with a room like #ops (# then up to 64 of a-z 0-9 . _ -)");
        assertThat(run.out()).doesNotContain("alice: /frobnicate");
    }

    @Test
    void anUnknownUserIsToldTheLoginFailed() {
        Cli.Run run = Cli.runWithInput("ping\n", "shell", "--url", url, "--user", "mallory");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("switchboard shell: login failed for 'mallory' at " + url
                + ": unknown user or wrong password");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aServerThatIsNotRunningGetsAHintHowToStartOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;

        Cli.Run run = Cli.runWithInput("ping\n", "shell", "--url", nowhere, "--user", "alice");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("switchboard shell: cannot reach " + nowhere
                + " (is the server running? start it with ./switchboard demo)");
    }

    @Test
    void aUrlWithoutSchemeSaysWhatIsExpected() {
        Cli.Run run = Cli.runWithInput("", "shell", "--url", "127.0.0.1:8080", "--user", "alice");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--url must look like http://127.0.0.1:8080, but was '127.0.0.1:8080'");
    }
}
