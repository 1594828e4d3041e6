package dev.switchboard.core.job;

import static dev.switchboard.core.job.JobHarness.ADMIN;
import static dev.switchboard.core.job.JobHarness.ALICE;
import static dev.switchboard.core.job.JobHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private final JobHarness h = new JobHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private JobRecord job(long id) {
        return h.store.find(id).orElseThrow();
    }

    @Test
    void aFastJobAnswersWithTheActionsReply() {
        h.command("greet", "greet", TEN_SECONDS, null, TestActions.quick(h.timeline, "hello alice"));

        Outcome outcome = h.run(ALICE, "greet", "greet");

        assertThat(outcome).isEqualTo(new Outcome.Completed(1, true, Reply.text("hello alice")));
        assertThat(job(1).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.audit.types()).containsExactly(AuditEventType.STARTED, AuditEventType.FINISHED);
    }

    @Test
    void aJobWithoutAReplyShowsItsStatusAndOutputTail() {
        h.command("deploy.service", "deploy {service} to {env}", TEN_SECONDS, null, (req, ctx) -> {
            ctx.output("pulling image");
            ctx.output("rolled out 3/3");
            h.clock.advance(Duration.ofMillis(3200));
            return new ActionResult.Succeeded(null, 0);
        }, "service", "env");

        Outcome outcome = h.run(ALICE, "deploy.service", "deploy web to staging", "service", "web", "env", "staging");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Completed.class, c -> assertThat(c.reply().plainText())
                .isEqualTo("✅ deploy web to staging finished in 3.2s\npulling image\nrolled out 3/3"));
        AuditEvent finished = h.audit.events().getLast();
        assertThat(finished.detail()).containsEntry("status", "succeeded").containsEntry("exit", "0")
                .containsEntry("durationMs", "3200")
                .containsEntry("outputDigest", sha256("pulling image\nrolled out 3/3\n"));
    }

    @Test
    void aFailedJobSaysWhy() {
        h.command("deploy.service", "deploy {service}", TEN_SECONDS, null,
                (req, ctx) -> new ActionResult.Failed("exited with code 3", 3), "service");

        Outcome outcome = h.run(ALICE, "deploy.service", "deploy web", "service", "web");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Completed.class, c -> {
            assertThat(c.succeeded()).isFalse();
            assertThat(c.reply().plainText()).isEqualTo("❌ deploy web failed: exited with code 3");
        });
        assertThat(job(1)).extracting(JobRecord::state, JobRecord::exitCode)
                .containsExactly(JobState.FAILED, 3);
    }

    @Test
    void startedIsCommittedBeforeTheActionRuns() {
        h.command("greet", "greet", TEN_SECONDS, null, TestActions.quick(h.timeline, "hi"));

        h.run(ALICE, "greet", "greet");

        assertThat(h.timeline).containsExactly("audit:started", "action:quick", "audit:finished");
        AuditEvent started = h.audit.events().getFirst();
        assertThat(started).extracting(AuditEvent::actor, AuditEvent::account, AuditEvent::conversation,
                AuditEvent::commandId, AuditEvent::jobId, AuditEvent::correlationId)
                .containsExactly("alice", "web:alice", "web:#ops", "greet", 1L, "corr1");
    }

    @Test
    void whenTheAuditLogCannotBeWrittenTheActionNeverRuns() {
        h.command("greet", "greet", TEN_SECONDS, null, TestActions.quick(h.timeline, "hi"));
        h.audit.failing(true);

        Outcome outcome = h.run(ALICE, "greet", "greet");

        assertThat(outcome).isEqualTo(
                new Outcome.Denied("not started: the audit log cannot be written", "audit", "corr1"));
        assertThat(h.timeline).doesNotContain("action:quick");
        assertThat(job(1)).extracting(JobRecord::state, JobRecord::summary)
                .containsExactly(JobState.FAILED, "not started: the audit log cannot be written");
    }

    @Test
    void aSlowJobIsAcceptedAndFinishesLater() throws Exception {
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build {project}", TEN_SECONDS, null, gate, "project");

        Outcome outcome = h.run(ALICE, "build", "build api", "project", "api");

        assertThat(outcome).isEqualTo(new Outcome.Accepted(1, "build api is running as job 1"));
        assertThat(job(1).state()).isEqualTo(JobState.RUNNING);
        gate.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> job(1).state() == JobState.SUCCEEDED);
    }

    @Test
    void aJobPastItsTimeoutIsStoppedAndMarkedTimedOut() {
        h.command("tail", "tail logs", Duration.ofMillis(200), null, TestActions.loopingOutput(Duration.ofMillis(5)));

        h.run(ALICE, "tail", "tail logs");

        await().atMost(Duration.ofSeconds(5)).until(() -> job(1).state().terminal());
        // exit 143 is what the action returns once it saw the cancel: it was told to stop, and did
        assertThat(job(1)).extracting(JobRecord::state, JobRecord::summary, JobRecord::exitCode)
                .containsExactly(JobState.TIMED_OUT, "timed out after 0.2s", 143);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.audit.types().contains(AuditEventType.FINISHED));
        assertThat(h.audit.events().getLast().detail()).containsEntry("status", "timed_out");
    }

    @Test
    void anActionIgnoringTheTimeoutIsMarkedTimedOutWhenItFinallyStops() {
        AtomicBoolean sawCancel = new AtomicBoolean();
        h.command("stuck", "stuck", Duration.ofMillis(100), null,
                TestActions.stubborn(Duration.ofMillis(600), sawCancel));

        h.run(ALICE, "stuck", "stuck");

        await().atMost(Duration.ofSeconds(5)).until(() -> job(1).state().terminal());
        assertThat(job(1).state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(sawCancel).isTrue();
    }

    @Test
    void theRequesterCanCancelTheirJob() throws Exception {
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build", TEN_SECONDS, null, gate);
        h.run(ALICE, "build", "build");

        assertThat(h.runner.cancel(1, ALICE)).isEqualTo(new Jobs.CancelResult.Cancelled(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> job(1).state().terminal());
        assertThat(job(1)).extracting(JobRecord::state, JobRecord::summary)
                .containsExactly(JobState.CANCELLED, "cancelled by alice");
        assertThat(gate.sawCancel).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.audit.types().contains(AuditEventType.CANCELLED));
        assertThat(h.audit.events().getLast().detail()).containsEntry("cancelledBy", "alice");
    }

    @Test
    void someoneElseCannotCancelAJobButAnAdminCan() {
        TestActions.Gate gate = new TestActions.Gate(h.timeline, "build");
        h.command("build", "build", TEN_SECONDS, null, gate);
        h.run(ALICE, "build", "build");

        assertThat(h.runner.cancel(1, BOB)).isEqualTo(new Jobs.CancelResult.NotAllowed(1,
                "only alice (who started job 1) or a member of admins can cancel it"));
        assertThat(job(1).state()).isEqualTo(JobState.RUNNING);

        assertThat(h.runner.cancel(1, ADMIN)).isEqualTo(new Jobs.CancelResult.Cancelled(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> job(1).state() == JobState.CANCELLED);
        assertThat(job(1).summary()).isEqualTo("cancelled by root");
    }

    @Test
    void cancellingAFinishedOrUnknownJobSaysSo() {
        h.command("greet", "greet", TEN_SECONDS, null, TestActions.quick(h.timeline, "hi"));
        h.run(ALICE, "greet", "greet");

        assertThat(h.runner.cancel(1, ALICE)).isEqualTo(new Jobs.CancelResult.AlreadyFinished(1, "succeeded"));
        assertThat(h.runner.cancel(42, ALICE)).isEqualTo(new Jobs.CancelResult.NotFound(42));
    }

    @Test
    void aCommandRemovedByAReloadFailsWithoutRunning() {
        h.command("greet", "greet", TEN_SECONDS, null, TestActions.quick(h.timeline, "hi"));
        var exchange = h.exchange(ALICE, "greet", "greet");
        h.removeCommand("greet");

        Outcome outcome = h.runner.run(exchange);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Completed.class, c -> assertThat(c.reply().plainText())
                .isEqualTo("❌ greet failed: command was removed by a config reload"));
        assertThat(h.timeline).doesNotContain("action:quick", "audit:started");
    }

    @Test
    void whenTheStoreGoesAwayMidJobTheUserStillGetsTheResultAndIsTold() {
        FlakyJobStore flaky = new FlakyJobStore(h.store);
        try (JobHarness fh = new JobHarness(JobHarness.fastSettings(), s -> s, flaky)) {
            fh.command("deploy", "deploy", TEN_SECONDS, null, (req, ctx) -> {
                flaky.down = true;
                ctx.output("done");
                return ActionResult.ok(Reply.text("deployed"));
            });

            Outcome outcome = fh.run(ALICE, "deploy", "deploy");

            assertThat(outcome).isEqualTo(new Outcome.Completed(1, true, Reply.text("deployed")));
            assertThat(fh.chat.saidTexts())
                    .containsExactly("job 1 finished but its result could not be stored (ref corr1)");
            assertThat(fh.runner.find(1)).get().extracting(JobRecord::state).isEqualTo(JobState.SUCCEEDED);
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
