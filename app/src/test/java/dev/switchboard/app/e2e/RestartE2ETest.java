package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.WebChatClient.jobIdIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart while a job runs: the conversation is told the job was interrupted and not re-run. */
class RestartE2ETest {
    @TempDir
    Path dir;

    @Test
    void aJobRunningWhenTheServerStopsIsStoppedReportedInterruptedAndNotReRun() {
        long id;
        try (TestServer server = TestServer.start(dir)) {
            try (WebChatClient alice = server.connect("alice").join("#restart")) {
                Message ack = alice.startJob("nap 4");
                id = jobIdIn(ack.latest());
                alice.awaitLatest(ack.id(), "napping for 4 s");

                server.close();

                // told before the chat goes away, in the job's own message
                assertThat(alice.awaitLatest(ack.id(), "was stopped because Switchboard shut down"))
                        .startsWith("⚠️ nap 4 was stopped because Switchboard shut down; it was not re-run");
                assertThat(ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("nap.sh")))
                        .as("the job's script does not run on unwatched").isEmpty();
            }

            server.restart();
            try (WebChatClient alice = server.connect("alice").join("#restart")) {
                assertThat(alice.ask("job " + id, "Job " + id)).contains("State: interrupted");
                String jobs = alice.ask("jobs", "command");
                assertThat(jobs).containsPattern(id + " \\| nap \\| interrupted \\| alice");
                assertThat(Pattern.compile("\\| nap \\|").matcher(jobs).results().count()).as("nap was not re-run")
                        .isEqualTo(1);
                alice.assertSawNoJavaInternals();
            }
        }
    }
}
