package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.WebChatClient.jobIdIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named locks: one deploy per service and environment (refuse), one scale per service at a time (queue). */
class LockE2ETest {
    @TempDir
    static Path dir;
    static TestServer server;
    static WebChatClient alice;
    static WebChatClient bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        alice = server.connect("alice").join("#deploys");
        bob = server.connect("bob").join("#deploys");
    }

    @AfterAll
    static void stop() {
        alice.assertSawNoJavaInternals();
        bob.assertSawNoJavaInternals();
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void aSecondDeployOfTheSameServiceAndEnvIsRefusedNamingTheJobThatHoldsTheLock() {
        Message first = alice.startJob("deploy web to staging");
        long holder = jobIdIn(first.latest());

        String refused = bob.ask("deploy web to staging", "Denied");

        assertThat(refused).startsWith("Denied: deploy:web:staging is in use by job " + holder + " (alice, running for ")
                .contains("try again when it finishes");
        assertThat(alice.awaitLatest(first.id(), "✅|❌")).startsWith("✅ deploy web to staging finished");
        Message other = bob.startJob("deploy web to prod");
        assertThat(bob.awaitLatest(other.id(), "✅|❌")).as("another env is another lock")
                .startsWith("✅ deploy web to prod finished");
    }

    @Test
    void aSecondScaleOfTheSameServiceWaitsForTheFirstAndRunsAfterIt() {
        Message first = alice.startJob("scale web to 3");
        Message second = bob.startJob("scale web to 5");
        long firstId = jobIdIn(first.latest());
        long secondId = jobIdIn(second.latest());
        assertThat(second.latest()).contains("queued as job " + secondId + ", waiting for scale:web");

        assertThat(bob.awaitLatest(second.id(), "✅|❌")).startsWith("✅ scale web to 5 finished")
                .contains("deployed web to 5 replicas");
        assertThat(alice.awaitLatest(first.id(), "✅|❌")).startsWith("✅ scale web to 3 finished");

        // The audit log, not the order chat edits happen to arrive in, proves the order: a job's end is audited
        // before its lock is released.
        List<String> oldestFirst = alice.ask("audit command:scale.service limit:20", "started").lines().toList()
                .reversed();
        int firstDone = indexOf(oldestFirst, "\\| alice \\| finished \\|");
        int secondStarted = indexOf(oldestFirst, "\\| bob \\| started \\|");
        assertThat(firstDone).as("job " + firstId + " finished before job " + secondId + " started: " + oldestFirst)
                .isNotNegative().isLessThan(secondStarted);
    }

    private static int indexOf(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }
}
