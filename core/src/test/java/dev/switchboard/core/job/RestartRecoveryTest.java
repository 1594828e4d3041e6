package dev.switchboard.core.job;

import static dev.switchboard.core.job.JobHarness.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.NewJob;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartRecoveryTest {
    private static NewJob job(String text, String lock, String node) {
        return new NewJob("deploy.service", text, Map.of("service", "web"), "alice", "web:alice", OPS, "corr9", lock,
                node, Instant.parse("2025-03-01T09:00:00Z"));
    }

    @Test
    void jobsLeftByTheLastRunAreInterruptedUnlockedAuditedAndAnnounced() {
        try (JobHarness h = new JobHarness()) {
            long running = h.store.create(job("deploy web to staging", "deploy:web:staging", "local"));
            h.store.transition(running, JobState.QUEUED, JobState.RUNNING, Instant.parse("2025-03-01T09:00:01Z"));
            h.store.attachMessage(running, "m7");
            h.locks.tryAcquire("deploy:web:staging", running, Instant.now());
            long queued = h.store.create(job("deploy web to prod", null, "local"));
            long elsewhere = h.store.create(job("deploy web to qa", null, "node-2"));

            int recovered = h.runner.recoverAfterRestart();

            assertThat(recovered).isEqualTo(2);
            assertThat(h.store.find(running).map(JobRecord::state)).contains(JobState.INTERRUPTED);
            assertThat(h.store.find(queued).map(JobRecord::state)).contains(JobState.INTERRUPTED);
            assertThat(h.store.find(elsewhere).map(JobRecord::state)).contains(JobState.QUEUED);
            assertThat(h.locks.holder("deploy:web:staging")).isEmpty();
            assertThat(h.audit.events()).extracting(AuditEvent::type, AuditEvent::jobId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(AuditEventType.INTERRUPTED, running),
                    org.assertj.core.groups.Tuple.tuple(AuditEventType.INTERRUPTED, queued));
            String notice = "⚠️ job 1 (deploy web to staging) was interrupted because Switchboard restarted while it "
                    + "ran; it was not re-run. Check the target before trying again.";
            assertThat(h.chat.saidTexts()).containsExactly(notice, "⚠️ job 2 (deploy web to prod) was interrupted "
                    + "because Switchboard restarted while it ran; it was not re-run. Check the target before trying "
                    + "again.");
            assertThat(h.chat.edits()).singleElement().satisfies(e -> {
                assertThat(e.message()).isEqualTo(new MessageRef(OPS, "m7"));
                assertThat(e.text()).isEqualTo(notice);
            });
        }
    }
}
