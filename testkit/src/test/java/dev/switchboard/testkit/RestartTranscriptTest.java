package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.INTERRUPTED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.core.audit.InMemoryAuditStore;
import dev.switchboard.core.job.InMemoryJobStore;
import dev.switchboard.core.job.InMemoryLockStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restart in the middle of a job (DESIGN.md §5): the server that ran it is gone, the next one finds the job in
 * the shared store, marks it interrupted, frees its lock and tells the room; it never re-runs it. Both servers share
 * the stores and the chat room, as a real restart would.
 */
class RestartTranscriptTest {
    private final InMemoryJobStore jobStore = new InMemoryJobStore();
    private final InMemoryLockStore lockStore = new InMemoryLockStore();
    private final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    private final FakeChatAdapter room = new FakeChatAdapter();
    private final JobActions actions = new JobActions();
    private final ChatTestHarness before = server();
    private ChatTestHarness after;

    private ChatTestHarness server() {
        return ChatTestHarness.builder()
                .jobSettings(ChatTestHarness.quickAck())
                .jobStore(jobStore).lockStore(lockStore).auditStore(auditStore).adapter(room)
                .actions(actions)
                .command(command("backup.db").template("backup {database}")
                        .lock("db:{database}", LockSpec.Mode.REFUSE)
                        .action("gated", Map.of("output", List.of("dumping {database}"))))
                .build().user("alice", "developers");
    }

    @AfterEach
    void stop() {
        if (after != null) {
            after.close();
        }
        // only now may the old server's action end: its process is meant to be dead
        actions.release();
        before.close();
    }

    @Test
    void aJobLeftRunningByARestartIsReportedInterruptedAndNotRerun() {
        before.as("alice").in("#ops").says("backup orders");
        before.crash();

        after = server();
        int recovered = after.jobs().recoverAfterRestart();

        String notice = "⚠️ job 1 (backup orders) was interrupted because Switchboard restarted while it ran; "
                + "it was not re-run. Check the target before trying again.";
        assertThat(recovered).isEqualTo(1);
        // the old ack is replaced by the notice, and the notice is also posted so the room sees something new
        assertThat(after.transcript("#ops")).containsExactly("alice: backup orders", "bot: " + notice,
                "bot: " + notice);
        assertThat(after.edits()).last().isEqualTo("m1: " + notice);
        assertThat(after.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, INTERRUPTED);
        assertThat(after.audit().getLast().jobId()).isEqualTo(1L);
        assertThat(after.audit().getLast().actor()).isEqualTo("alice");
        assertThat(after.audit().getLast().detail()).containsEntry("status", "interrupted");
        assertThat(jobStore.list(JobQuery.recent(10))).hasSize(1);
    }

    @Test
    void theInterruptedJobShowsItsStateAndItsLockIsFree() {
        before.as("alice").says("backup orders");
        before.crash();
        after = server();
        after.clock().advance(Duration.ofMinutes(5));
        after.jobs().recoverAfterRestart();

        after.as("alice").says("job 1");
        after.as("alice").says("jobs running");
        actions.release();
        after.as("alice").says("backup orders");

        assertThat(after.transcript().subList(3, 9)).containsExactly(
                "alice: job 1", "bot: Job 1: backup orders\nState: interrupted\nCommand: backup.db\n"
                        + "Requester: alice\nCreated: 2026-11-05 10:00:00Z\nStarted: 2026-11-05 10:00:00Z\n"
                        + "Finished: 2026-11-05 10:05:00Z\nDuration: 5m 00s\nExit code: -\n"
                        + "Summary: interrupted by a restart\ndumping orders",
                "alice: jobs running", "bot: No jobs are running.",
                "alice: backup orders", "bot: ✅ backup orders finished in 0s\ndumping orders");
    }

    @Test
    void aJobRunningWhenTheServerShutsDownIsStoppedAndSaysSoInsteadOfRunningOnUnwatched() {
        before.as("alice").in("#ops").says("backup orders");

        before.close();

        String notice = "⚠️ backup orders was stopped because Switchboard shut down; it was not re-run";
        assertThat(before.transcript("#ops")).first().isEqualTo("alice: backup orders");
        assertThat(before.transcript("#ops").get(1)).startsWith("bot: " + notice);
        assertThat(before.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, INTERRUPTED);
        assertThat(jobStore.find(1).orElseThrow().state()).isEqualTo(dev.switchboard.api.job.JobState.INTERRUPTED);
        assertThat(lockStore.holder("db:orders")).isEmpty();

        after = server();
        assertThat(after.jobs().recoverAfterRestart()).isZero();
    }
}
