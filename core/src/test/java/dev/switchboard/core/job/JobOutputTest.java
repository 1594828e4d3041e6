package dev.switchboard.core.job;

import static dev.switchboard.core.job.JobHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.pipeline.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOutputTest {
    /** Long enough that every job here answers with its result, even on a cold, busy machine. */
    private static final JobSettings PATIENT = new JobSettings(Duration.ofSeconds(20), Duration.ofMillis(100),
            10_000, 15, "local", Duration.ofMillis(50));

    @Test
    void aFloodOfOutputIsCappedAndStoredInBatches() {
        try (JobHarness h = new JobHarness(PATIENT)) {
            h.command("spam", "spam", Duration.ofSeconds(30), null, TestActions.flood(25_000));

            Outcome outcome = h.run(ALICE, "spam", "spam");

            List<String> stored = h.store.output(1);
            assertThat(stored).hasSize(10_001);
            assertThat(stored.get(9_999)).isEqualTo("line 10000");
            assertThat(stored.getLast()).isEqualTo("[output truncated: more than 10000 lines]");
            // one round trip per batch, not per line
            assertThat(h.store.appendBatchSizes()).hasSizeLessThanOrEqualTo(60).allMatch(n -> n > 0);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Completed.class, c -> assertThat(
                    c.reply().plainText().lines().toList())
                    .hasSize(16)
                    .startsWith("✅ spam finished in 0s")
                    .contains("line 9987").endsWith("line 10000", "[output truncated: more than 10000 lines]")
                    .doesNotContain("line 9986"));
            assertThat(h.runner.outputTail(1, 2)).containsExactly("line 10000",
                    "[output truncated: more than 10000 lines]");
        }
    }

    @Test
    void secretArgumentValuesNeverReachTheStoreTheAuditLogOrTheChat() {
        try (JobHarness h = new JobHarness(PATIENT)) {
            h.command("login", "login {user} {token}", Duration.ofSeconds(30), null, (req, ctx) -> {
                ctx.output("logging in with s3cr3t-T0KEN");
                ctx.output("server said: token s3cr3t-T0KEN rejected");
                return ActionResult.failed("bad token s3cr3t-T0KEN");
            }, "user", "token!");

            Outcome outcome = h.run(ALICE, "login", "login ops s3cr3t-T0KEN", "user", "ops", "token", "s3cr3t-T0KEN");

            JobRecord job = h.store.find(1).orElseThrow();
            assertThat(job.text()).isEqualTo("login ops ***");
            assertThat(job.args()).containsEntry("token", "***").containsEntry("user", "ops");
            assertThat(job.summary()).isEqualTo("bad token ***");
            assertThat(h.store.output(1)).containsExactly("logging in with ***", "server said: token *** rejected");
            assertThat(h.audit.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cr3t"));
            assertThat(outcome.toString()).doesNotContain("s3cr3t").contains("bad token ***");
        }
    }

    @Test
    void theConfiguredRedactorMasksConfigSecretsInEveryLine() {
        try (JobHarness h = new JobHarness(PATIENT, s -> s.replace("hunter2", "[redacted]"),
                null)) {
            h.command("db", "db check", Duration.ofSeconds(30), null, (req, ctx) -> {
                ctx.output("connecting as admin:hunter2@db\nconnected");
                return ActionResult.ok(null);
            });

            h.run(ALICE, "db", "db check");

            assertThat(h.store.output(1)).containsExactly("connecting as admin:[redacted]@db", "connected");
        }
    }

    @Test
    void theFinishedEventCarriesTheDigestOfTheCapturedOutput() {
        try (JobHarness h = new JobHarness(PATIENT)) {
            h.command("two", "two", Duration.ofSeconds(30), null, TestActions.flood(2));

            h.run(ALICE, "two", "two");

            AuditEvent finished = h.audit.events().getLast();
            assertThat(finished.detail()).containsEntry("outputDigest", JobRunnerTest.sha256("line 1\nline 2\n"));
        }
    }
}
