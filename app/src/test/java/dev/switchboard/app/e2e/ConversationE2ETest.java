package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talking to Switchboard: ping, help, did-you-mean and argument errors, through the real web chat. */
class ConversationE2ETest {
    @TempDir
    static Path dir;
    static TestServer server;
    static WebChatClient alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        alice = server.connect("alice").join("#ops");
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    @AfterEach
    void nothingJavaLeaks() {
        alice.assertSawNoJavaInternals();
    }

    @Test
    void pingIsAnsweredWithPong() {
        assertThat(alice.ask("ping", "pong")).isEqualTo("pong");
    }

    @Test
    void helpListsTheConfiguredCommands() {
        String help = alice.ask("help", "Here is what I can do");

        assertThat(help).contains("deploy <service> to <env> — Deploy a service to an environment",
                "scale <service> to <replicas>", "stream", "nap <seconds>", "echo <text...>", "ping", "jobs", "cancel <id>",
                "Type help <command> for details");
    }

    @Test
    void helpForOneCommandShowsItsUsageArgumentsAndExamples() {
        String help = alice.ask("help deploy", "Usage");

        assertThat(help).startsWith("deploy.service — Deploy a service to an environment")
                .contains("Usage:\n  deploy <service> to <env>")
                .contains("Examples:\n  deploy web to staging\n  deploy billing to prod")
                .containsPattern("env: .*staging.*prod.* — where to deploy");
    }

    @Test
    void aMistypedCommandGetsADidYouMean() {
        String reply = alice.ask("deplyo web to staging", "I don't know");

        assertThat(reply).startsWith("I don't know \"deplyo web to staging\". Did you mean:")
                .contains("deploy <service> to <env>");
    }

    @Test
    void aWrongArgumentValueNamesTheArgumentTheValueWhatWasExpectedAndTheUsage() {
        String reply = alice.ask("deploy web to qa", "not valid");

        assertThat(reply).startsWith("env \"qa\" is not valid for deploy.service: expected")
                .contains("staging", "prod")
                .endsWith("Usage: deploy <service> to <env>");
    }
}
