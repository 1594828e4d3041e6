package dev.switchboard.core.job;

import static dev.switchboard.core.job.JobHarness.ALICE;
import static dev.switchboard.core.job.JobHarness.OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.pipeline.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobStreamingTest {
    private static final MessageRef ACK = new MessageRef(OPS, "m1");
    private final JobHarness h = new JobHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void progressIsEditedNoMoreOftenThanTheIntervalAndEndsWithTheResult() {
        h.command("tail", "tail logs", Duration.ofMinutes(1), null, TestActions.loopingOutput(Duration.ofMillis(2)));
        assertThat(h.run(ALICE, "tail", "tail logs")).isInstanceOf(Outcome.Accepted.class);

        long attachedAt = System.nanoTime();
        h.runner.attachMessage(1, ACK);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.chat.edits().size() >= 5);
        h.runner.cancel(1, ALICE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.chat.edits().isEmpty()
                && h.chat.edits().getLast().text().startsWith("🛑"));
        long elapsedMs = (System.nanoTime() - attachedAt) / 1_000_000;

        List<FakeChatGateway.Edit> edits = h.chat.edits();
        // hundreds of lines were written, but edits are coalesced to one per 100 ms interval
        assertThat(edits.size()).isLessThanOrEqualTo((int) (elapsedMs / 100) + 1);
        for (int i = 1; i < edits.size(); i++) {
            assertThat((edits.get(i).atNanos() - edits.get(i - 1).atNanos()) / 1_000_000).isGreaterThanOrEqualTo(100);
        }
        assertThat(edits).allMatch(e -> e.message().equals(ACK));
        assertThat(edits.getFirst().text()).startsWith("⏳ tail logs is running (job 1")
                .contains("line ").contains("type \"cancel 1\"");
        assertThat(edits.getLast().text()).startsWith("🛑 tail logs cancelled by alice").doesNotContain("cancel 1\"");
        assertThat(edits.getLast().text().lines().count()).isEqualTo(16);
    }

    @Test
    void aJobThatFinishedBeforeItsMessageWasAttachedStillGetsItsFinalEdit() {
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build", Duration.ofMinutes(1), null, gate);
        h.run(ALICE, "build", "build");
        gate.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.store.find(1).orElseThrow().state() == JobState.SUCCEEDED);

        h.runner.attachMessage(1, ACK);

        await().atMost(Duration.ofSeconds(5)).until(() -> h.chat.edits().size() == 1);
        assertThat(h.chat.edits().getFirst().text()).isEqualTo("build done");
        assertThat(h.store.find(1).orElseThrow().messageId()).isEqualTo("m1");
    }

    @Test
    void aFailingEditIsRetriedAndTheJobStillFinishes() {
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build", Duration.ofMinutes(1), null, gate);
        h.run(ALICE, "build", "build");
        h.chat.failNextEdits(3);

        h.runner.attachMessage(1, ACK);
        gate.open();

        await().atMost(Duration.ofSeconds(5)).until(() -> !h.chat.edits().isEmpty()
                && h.chat.edits().getLast().text().equals("build done"));
        assertThat(h.store.find(1).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void onAPlatformWithoutEditsOnlyTheResultIsPosted() {
        h.chat.editsSupported(false);
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build", Duration.ofMinutes(1), null, gate);
        h.run(ALICE, "build", "build");

        h.runner.attachMessage(1, ACK);
        gate.open();

        await().atMost(Duration.ofSeconds(5)).until(() -> h.chat.saidTexts().contains("build done"));
        assertThat(h.chat.saidTexts()).containsExactly("build done");
        assertThat(h.chat.edits()).isEmpty();
    }
}
