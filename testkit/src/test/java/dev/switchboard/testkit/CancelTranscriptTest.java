package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.CANCELLED;
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

/** {@code cancel <id>}: who may, what it answers, and how the job's message ends. */
class CancelTranscriptTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final JobActions actions = new JobActions();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .jobSettings(ChatTestHarness.quickAck())
            .actions(actions)
            .command(command("echo").template("echo {text...}").reply("{text}"))
            .command(command("backup.db").template("backup {database}")
                    .action("gated", Map.of("output", List.of("dumping {database}"))))
            .command(command("reindex").template("reindex").action("stubborn", Map.of()))
            .build().user("alice", "developers").user("bob", "developers").user("carol", "admins");

    @AfterEach
    void stop() {
        actions.release();
        chat.close();
    }

    @Test
    void theRequesterCancelsHerRunningJob() {
        chat.as("alice").says("backup orders");
        chat.as("alice").says("cancel 1");

        assertThat(chat.transcript().subList(2, 4)).containsExactly("alice: cancel 1", "bot: Cancelled job 1.");
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: 🛑"));
        assertThat(chat.transcript().get(1)).isEqualTo("bot: 🛑 backup orders cancelled by alice\ndumping orders");
        await().atMost(BOUND).until(() -> chat.audit().size() == 5);
        assertThat(chat.audit()).extracting(AuditEvent::type).startsWith(RECEIVED, STARTED, RECEIVED)
                .containsOnlyOnce(CANCELLED, FINISHED); // the job's end and the cancel command's own, in either order
        AuditEvent cancelled = chat.audit().stream().filter(e -> e.type() == CANCELLED).findFirst().orElseThrow();
        assertThat(cancelled.jobId()).isEqualTo(1L);
        assertThat(cancelled.detail()).containsEntry("status", "cancelled").containsEntry("cancelledBy", "alice");
    }

    @Test
    void anotherUserMayNotCancelSomeoneElsesJob() {
        chat.as("alice").says("backup orders");
        chat.as("bob").says("cancel 1");
        chat.as("bob").says("jobs running");

        assertThat(chat.transcript().subList(2, 6)).containsExactly("bob: cancel 1",
                "bot: You may not cancel job 1: only alice (who started job 1) or a member of admins can cancel it.",
                "bob: jobs running", "bot: id  command    state    requester  started\n"
                        + "1   backup.db  running  alice      2026-11-05 10:00:00Z");
        assertThat(chat.audit()).extracting(AuditEvent::type).doesNotContain(CANCELLED);
    }

    @Test
    void anAdminMayCancelAnyonesJob() {
        chat.as("alice").says("backup orders");
        chat.as("carol").says("cancel 1");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: Cancelled job 1.");
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: 🛑"));
        assertThat(chat.transcript().get(1)).isEqualTo("bot: 🛑 backup orders cancelled by carol\ndumping orders");
        await().atMost(BOUND).until(() -> chat.audit().stream().anyMatch(e -> e.type() == CANCELLED));
        assertThat(chat.audit()).filteredOn(e -> e.type() == CANCELLED).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("cancelledBy", "carol"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));
    }

    @Test
    void cancellingAFinishedJobSaysItAlreadyFinished() {
        chat.as("alice").says("echo hi");
        chat.as("alice").says("cancel 1");

        assertThat(chat.transcript()).containsExactly("alice: echo hi", "bot: hi", "alice: cancel 1",
                "bot: Job 1 already finished (succeeded); there is nothing to cancel.");
    }

    @Test
    void cancellingAJobThatNeverExistedSaysSo() {
        chat.as("alice").says("cancel 999");

        assertThat(chat.transcript()).containsExactly("alice: cancel 999", "bot: There is no job 999.");
    }

    @Test
    void aJobThatIgnoresTheCancelRunsOnAndIsShownCancelledWhenItStops() {
        chat.as("alice").says("reindex");
        chat.as("alice").says("cancel 1");
        chat.as("alice").says("jobs running");

        assertThat(chat.transcript().subList(2, 6)).containsExactly("alice: cancel 1", "bot: Cancelled job 1.",
                "alice: jobs running", "bot: id  command  state    requester  started\n"
                        + "1   reindex  running  alice      2026-11-05 10:00:00Z");

        actions.release();

        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: 🛑"));
        assertThat(chat.transcript().get(1)).isEqualTo("bot: 🛑 reindex cancelled by alice\nignoring you");
    }

    @Test
    void cancellingTwiceWhileTheJobIsStillStoppingDoesNotClaimItFinished() {
        chat.as("alice").says("reindex");
        chat.as("alice").says("cancel 1");
        chat.as("alice").says("cancel 1");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: Cancelled job 1.");
    }
}
