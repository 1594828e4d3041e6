package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.audit.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs as the people in the room see them (DESIGN.md §5): acks, progress edits, results and the job list. */
class JobTranscriptTest {
    static final Duration BOUND = Duration.ofSeconds(10);
    static final String BACKUP_ACK = "bot: ⏳ backup orders is running as job 1\n"
            + "[1] Cancel: type \"cancel 1\"";

    private final JobActions actions = new JobActions();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .jobSettings(ChatTestHarness.quickAck())
            .actions(actions)
            .command(command("echo").template("echo {text...}").reply("{text}"))
            .command(command("backup.db").template("backup {database}")
                    .action("gated", Map.of("output", List.of("dumping {database}", "compressing"))))
            .command(command("migrate.db").template("migrate {database}").action("failing", Map.of()))
            .command(command("logs.follow").template("follow logs").timeout(Duration.ofMillis(300))
                    .action("looping", Map.of()))
            .build().user("alice", "developers").user("bob", "developers");

    @AfterEach
    void stop() {
        actions.release();
        chat.close();
    }

    @Test
    void aReplyCommandAnswersInTheConversationAndIsAuditedAsAJob() {
        chat.as("alice").in("#ops").says("echo hello there");

        assertThat(chat.transcript("#ops")).containsExactly("alice: echo hello there", "bot: hello there");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, FINISHED);
        AuditEvent finished = chat.audit().getLast();
        assertThat(finished.jobId()).isEqualTo(1L);
        assertThat(finished.actor()).isEqualTo("alice");
        assertThat(finished.detail()).containsEntry("status", "succeeded");
    }

    @Test
    void aSlowJobIsAcknowledgedAndThenEditedIntoItsResult() {
        chat.as("alice").says("backup orders");

        assertThat(chat.transcript()).containsExactly("alice: backup orders", BACKUP_ACK);
        String progress = "m1: ⏳ backup orders is running (job 1, 0s)\ndumping orders\ncompressing\n"
                + "[1] Cancel: type \"cancel 1\"";
        await().atMost(BOUND).until(() -> chat.edits().contains(progress));

        actions.release();

        String result = "✅ backup orders finished in 0s\ndumping orders\ncompressing";
        await().atMost(BOUND).until(() -> chat.transcript().getLast().equals("bot: " + result));
        assertThat(chat.transcript()).containsExactly("alice: backup orders", "bot: " + result);
        assertThat(chat.edits()).contains(progress).last().isEqualTo("m1: " + result);
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, FINISHED);
    }

    @Test
    void theJobListsShowASlowJobWhileItRunsAndAfter() {
        chat.as("alice").says("backup orders");
        chat.clock().advance(Duration.ofSeconds(90));

        chat.as("alice").says("jobs running");
        chat.as("bob").says("jobs mine");
        chat.as("alice").says("jobs mine");
        chat.as("bob").says("job 1");

        String runningRow = "id  command    state    requester  started\n"
                + "1   backup.db  running  alice      2026-11-05 10:00:00Z";
        // line 2 is the ack, edited with progress meanwhile
        assertThat(chat.transcript().subList(2, chat.transcript().size())).containsExactly(
                "alice: jobs running", "bot: " + runningRow,
                "bob: jobs mine", "bot: You have no jobs.",
                "alice: jobs mine", "bot: " + runningRow,
                "bob: job 1", "bot: Job 1: backup orders\nState: running\nCommand: backup.db\nRequester: alice\n"
                        + "Created: 2026-11-05 10:00:00Z\nStarted: 2026-11-05 10:00:00Z\nFinished: -\n"
                        + "Duration: 1m 30s so far\nExit code: -\nSummary: -\ndumping orders\ncompressing");

        actions.release();
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: ✅"));
        chat.as("bob").says("jobs running");
        chat.as("bob").says("jobs");
        chat.as("bob").says("job 1");

        assertThat(chat.transcript().subList(10, 16)).containsExactly(
                "bob: jobs running", "bot: No jobs are running.",
                "bob: jobs", "bot: id  command    state      requester  started\n"
                        + "1   backup.db  succeeded  alice      2026-11-05 10:00:00Z",
                "bob: job 1", "bot: Job 1: backup orders\nState: succeeded\nCommand: backup.db\nRequester: alice\n"
                        + "Created: 2026-11-05 10:00:00Z\nStarted: 2026-11-05 10:00:00Z\n"
                        + "Finished: 2026-11-05 10:01:30Z\nDuration: 1m 30s\nExit code: -\n"
                        + "Summary: finished in 1m 30s\ndumping orders\ncompressing");
    }

    @Test
    void aFailingActionSaysHowItFailed() {
        chat.as("alice").in("#ops").says("migrate orders");

        assertThat(chat.transcript("#ops")).containsExactly("alice: migrate orders",
                "bot: ❌ migrate orders failed: exited with code 3\nconnecting to db");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, FINISHED);
        assertThat(chat.audit().getLast().detail()).containsEntry("status", "failed").containsEntry("exit", "3");
    }

    @Test
    void aJobThatRunsPastItsTimeoutIsStoppedAndSaysSo() {
        chat.as("alice").says("follow logs");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: ⏳ follow logs is running as job 1\n"
                + "[1] Cancel: type \"cancel 1\"");
        await().atMost(BOUND).until(() -> chat.transcript().getLast().startsWith("bot: ⏱"));
        // at most the last 15 lines of output are shown
        assertThat(chat.transcript().getLast()).startsWith("bot: ⏱ follow logs timed out after 0.3s\n")
                .matches("(?s)[^\n]*(\ntick \\d+){1,15}");
        await().atMost(BOUND).until(() -> chat.audit().size() == 3);
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, FINISHED);
        assertThat(chat.audit().getLast().detail()).containsEntry("status", "timed_out");
        chat.as("alice").says("job 1");
        assertThat(chat.transcript().getLast()).contains("State: timed_out", "Summary: timed out after 0.3s");
    }
}
