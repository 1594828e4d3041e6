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
    void aJobRunningWhenTheServerStopsIsReportedInterruptedAndNotReRun() {
        long id;
        try (TestServer server = TestServer.start(dir)) {
            try (WebChatClient alice = server.connect("alice").join("#restart")) {
                Message ack = alice.startJob("nap 4");
                id = jobIdIn(ack.latest());
                alice.awaitLatest(ack.id(), "napping for 4 s");
            }
            server.close();

            server.restart();
            try (WebChatClient alice = server.connect("alice").join("#restart")) {
                String notice = "⚠️ job " + id + " (nap 4) was interrupted because Switchboard restarted while it ran; "
                        + "it was not re-run.";
                assertThat(alice.awaitPosted(Pattern.quote(notice)).latest()).endsWith("Check the target before trying again.");

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
