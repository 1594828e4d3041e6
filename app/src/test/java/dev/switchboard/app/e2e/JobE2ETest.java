package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.WebChatClient.jobIdIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long work as a user sees it: an ack, one message edited as output streams in, cancel, timeout, job details. */
class JobE2ETest {
    private static final Pattern STEP = Pattern.compile("step (\\d+) of 14");

    @TempDir
    static Path dir;
    static TestServer server;
    static WebChatClient alice;
    static WebChatClient bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        alice = server.connect("alice").join("#jobs");
        bob = server.connect("bob").join("#jobs");
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        server.close();
    }

    @AfterEach
    void nothingJavaLeaks() {
        alice.assertSawNoJavaInternals();
        bob.assertSawNoJavaInternals();
    }

    @Test
    void aSlowJobIsAckedAtOnceAndItsOneMessageIsEditedAsOutputStreamsIn() {
        Message ack = alice.startJob("stream");
        long id = jobIdIn(ack.versions().getFirst());
        assertThat(ack.versions().getFirst()).startsWith("⏳ stream is running as job " + id)
                .contains("[Cancel]");

        String done = alice.awaitLatest(ack.id(), "✅");

        assertThat(done).startsWith("✅ stream finished in ").contains("step 14 of 14\nstream done");
        List<Integer> progress = alice.versions(ack.id()).stream()
                .filter(v -> v.startsWith("⏳ stream is running (job " + id)).map(JobE2ETest::lastStep).toList();
        assertThat(progress).as("steps shown by successive edits").hasSizeGreaterThanOrEqualTo(2).isSorted();
        assertThat(progress.getFirst()).isLessThan(progress.getLast());
        assertThat(alice.botMessagesSinceSay()).as("everything is shown in the ack message").hasSize(1);

        assertThat(alice.ask("jobs", "command")).containsPattern(id + " \\| stream \\| succeeded \\| alice");
        String job = alice.ask("job " + id, "Job " + id);
        assertThat(job).startsWith("Job " + id + ": stream").contains("State: succeeded", "Exit code: 0",
                "step 14 of 14\nstream done").containsPattern("Duration: [2-4]s");
    }

    @Test
    void cancellingARunningJobEndsItsMessageAsCancelled() {
        Message ack = alice.startJob("nap 60");
        long id = jobIdIn(ack.latest());
        alice.awaitLatest(ack.id(), "napping for 60 s");

        assertThat(alice.ask("cancel " + id, "ancel")).isEqualTo("Cancelled job " + id + ".");

        assertThat(alice.awaitLatest(ack.id(), "🛑")).startsWith("🛑 nap 60 cancelled by alice");
        assertThat(alice.ask("job " + id, "Job " + id)).contains("State: cancelled", "Summary: cancelled by alice");
    }

    @Test
    void nobodyCanCancelSomeoneElsesJob() {
        Message ack = alice.startJob("nap 60");
        long id = jobIdIn(ack.latest());

        String refused = bob.ask("cancel " + id, "cancel job " + id);

        assertThat(refused).isEqualTo("You may not cancel job " + id + ": only alice (who started job " + id
                + ") or a member of admins can cancel it.");
        assertThat(alice.ask("job " + id, "Job " + id)).contains("State: running");
        alice.ask("cancel " + id, "Cancelled job " + id);
        alice.awaitLatest(ack.id(), "🛑");
    }

    @Test
    void aJobThatOutlivesItsTimeoutEndsTimedOut() {
        Message ack = alice.startJob("hang");
        long id = jobIdIn(ack.latest());

        assertThat(alice.awaitLatest(ack.id(), "⏱")).startsWith("⏱ hang timed out after 2s")
                .contains("napping for 60 s");
        assertThat(alice.ask("job " + id, "Job " + id)).contains("State: timed_out", "Summary: timed out after 2s");
    }

    private static int lastStep(String text) {
        Matcher m = STEP.matcher(text);
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
