package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.pipeline.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commands with a lock: the second caller is refused (naming the holder) or queued behind the first. */
class LockTranscriptTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final JobActions actions = new JobActions();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .jobSettings(ChatTestHarness.quickAck())
            .actions(actions)
            .command(command("deploy.service").template("deploy {service} to {env}")
                    .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                    .lock("deploy:{service}:{env}", LockSpec.Mode.REFUSE)
                    .action("gated", Map.of("output", List.of("rolling out {service}"))))
            .command(command("migrate.db").template("migrate {database}")
                    .lock("db:{database}", LockSpec.Mode.QUEUE)
                    .action("gated", Map.of("output", List.of("migrating {database}"))))
            .build().user("alice", "developers").user("bob", "developers");

    @AfterEach
    void stop() {
        actions.release();
        chat.close();
    }

    @Test
    void aSecondDeployOfTheSameTargetIsRefusedNamingWhoHoldsTheLock() {
        chat.as("alice").in("#ops").says("deploy web to prod");
        chat.clock().advance(Duration.ofMinutes(2));
        chat.as("bob").in("#ops").says("deploy web to prod");

        assertThat(chat.transcript("#ops").subList(2, 4)).containsExactly("bob: deploy web to prod",
                "bot: Denied: deploy:web:prod is in use by job 1 (alice, running for 2m); try again when it finishes "
                        + "(ref 000002)");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, RECEIVED, DENIED);
        assertThat(chat.audit().getLast().actor()).isEqualTo("bob");
        assertThat(chat.audit().getLast().rule()).isEqualTo("lock");
    }

    @Test
    void aDeployOfAnotherTargetIsNotHeldUpByTheLock() {
        chat.as("alice").says("deploy web to prod");
        chat.as("bob").says("deploy web to staging");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: ⏳ deploy web to staging is running "
                + "as job 2\n[1] Cancel: type \"cancel 2\"");
    }

    @Test
    void theRefusedDeployRunsOnceTheFirstHasFinished() {
        chat.as("alice").says("deploy web to prod");
        actions.release();
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: ✅"));

        chat.as("bob").says("deploy web to prod");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: ✅ deploy web to prod finished in 0s\n"
                + "rolling out web");
        assertThat(chat.audit()).extracting(AuditEvent::type)
                .containsExactly(RECEIVED, STARTED, FINISHED, RECEIVED, STARTED, FINISHED);
    }

    @Test
    void aQueuedMigrationWaitsForTheLockAndRunsAfterTheFirst() {
        chat.as("alice").says("migrate orders");
        Outcome queued = chat.as("bob").says("migrate orders");
        chat.as("bob").says("jobs running");

        // the ack itself may already be edited with progress, so it is read from the outcome
        assertThat(queued)
                .isEqualTo(new Outcome.Accepted(2, "migrate orders is queued as job 2, waiting for db:orders"));
        assertThat(chat.transcript().subList(4, 6)).containsExactly(
                "bob: jobs running", "bot: id  command     state    requester  started\n"
                        + "2   migrate.db  queued   bob        -\n"
                        + "1   migrate.db  running  alice      2026-11-05 10:00:00Z");
        await().atMost(BOUND).until(() -> chat.edits().contains(
                "m2: ⏳ migrate orders is waiting for db:orders (job 2)\n[1] Cancel: type \"cancel 2\""));
        assertThat(chat.audit()).filteredOn(e -> e.jobId() != null).extracting(AuditEvent::type, AuditEvent::jobId)
                .containsExactly(tuple(STARTED, 1L));

        actions.release();

        await().atMost(BOUND).until(() -> chat.transcript().get(3).startsWith("bot: ✅"));
        assertThat(chat.transcript().get(1)).isEqualTo("bot: ✅ migrate orders finished in 0s\nmigrating orders");
        assertThat(chat.transcript().get(3)).isEqualTo("bot: ✅ migrate orders finished in 0s\nmigrating orders");
        await().atMost(BOUND).until(() -> chat.audit().stream()
                .filter(e -> e.type() == FINISHED && e.jobId() != null).count() == 2);
        // the second started only after the first had finished, and the log shows it
        assertThat(chat.audit()).filteredOn(e -> e.jobId() != null).extracting(AuditEvent::type, AuditEvent::jobId)
                .containsExactly(tuple(STARTED, 1L), tuple(FINISHED, 1L), tuple(STARTED, 2L), tuple(FINISHED, 2L));
    }
}
