package dev.switchboard.core.job;

import static dev.switchboard.core.job.JobHarness.ALICE;
import static dev.switchboard.core.job.JobHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.pipeline.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobLocksTest {
    private static final LockSpec REFUSE = new LockSpec("deploy:{service}:{env}", LockSpec.Mode.REFUSE);
    private static final LockSpec QUEUE = new LockSpec("deploy:{service}:{env}", LockSpec.Mode.QUEUE);

    private static JobRecord job(JobHarness h, long id) {
        return h.store.find(id).orElseThrow();
    }

    private static Outcome deploy(JobHarness h, String command, JobHarness.Who who) {
        return h.run(who.principal(), command, "deploy web to prod", "service", "web", "env", "prod");
    }

    @Test
    void aSecondCallerIsRefusedWithTheHolderNamed() {
        try (JobHarness h = new JobHarness()) {
            TestActions.Gate first = new TestActions.Gate(h.timeline, "first");
            h.command("deploy", "deploy {service} to {env}", Duration.ofMinutes(30), REFUSE, first, "service", "env");
            deploy(h, "deploy", JobHarness.Who.ALICE);
            h.clock.advance(Duration.ofMinutes(2));

            Outcome second = deploy(h, "deploy", JobHarness.Who.BOB);

            assertThat(second).isEqualTo(new Outcome.Denied("deploy:web:prod is in use by job 1 (alice, running for "
                    + "2m); try again when it finishes", "lock", "corr2"));
            assertThat(h.store.list(JobQuery.recent(10))).hasSize(1);
            first.open();
            await().atMost(Duration.ofSeconds(5)).until(() -> h.locks.holder("deploy:web:prod").isEmpty());
        }
    }

    @Test
    void aQueuedJobRunsAsSoonAsTheFirstReleasesTheLock() throws Exception {
        // polling once an hour: only the in-process release can wake the second job in time
        JobSettings settings = new JobSettings(Duration.ofMillis(300), Duration.ofMillis(100), 10_000, 15, "local",
                Duration.ofHours(1));
        try (JobHarness h = new JobHarness(settings)) {
            TestActions.Gate first = new TestActions.Gate(h.timeline, "first");
            TestActions.Gate second = new TestActions.Gate(h.timeline, "second");
            h.command("deploy.a", "deploy {service} to {env}", Duration.ofMinutes(30), QUEUE, first, "service", "env");
            h.command("deploy.b", "redeploy {service} to {env}", Duration.ofMinutes(30), QUEUE, second, "service",
                    "env");
            deploy(h, "deploy.a", JobHarness.Who.ALICE);

            Outcome queued = deploy(h, "deploy.b", JobHarness.Who.BOB);

            assertThat(queued).isEqualTo(new Outcome.Accepted(2,
                    "deploy web to prod is queued as job 2, waiting for deploy:web:prod"));
            assertThat(job(h, 2).state()).isEqualTo(JobState.QUEUED);
            assertThat(second.started.getCount()).isEqualTo(1);

            first.open();
            assertThat(second.started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(h.timeline).containsSubsequence("action:first", "audit:finished", "audit:started",
                    "action:second");
            assertThat(h.locks.holder("deploy:web:prod")).contains(2L);
            second.open();
            await().atMost(Duration.ofSeconds(5)).until(() -> job(h, 2).state() == JobState.SUCCEEDED);
            assertThat(h.locks.holder("deploy:web:prod")).isEmpty();
        }
    }

    @Test
    void aQueuedJobGivesUpWhenItsTimeoutPasses() {
        try (JobHarness h = new JobHarness()) {
            TestActions.Gate first = new TestActions.Gate(h.timeline, "first");
            h.command("deploy.a", "deploy {service} to {env}", Duration.ofMinutes(30), QUEUE, first, "service", "env");
            h.command("deploy.b", "redeploy {service} to {env}", Duration.ofMillis(200), QUEUE,
                    TestActions.quick(h.timeline, "never"), "service", "env");
            deploy(h, "deploy.a", JobHarness.Who.ALICE);

            deploy(h, "deploy.b", JobHarness.Who.BOB);

            await().atMost(Duration.ofSeconds(5)).until(() -> job(h, 2).state().terminal());
            assertThat(job(h, 2)).extracting(JobRecord::state, JobRecord::summary).containsExactly(
                    JobState.TIMED_OUT, "timed out: waited 0.2s for lock deploy:web:prod, held by job 1");
            assertThat(h.timeline).doesNotContain("action:quick");
            first.open();
        }
    }

    @Test
    void aQueuedJobCanBeCancelledBeforeItRuns() {
        try (JobHarness h = new JobHarness()) {
            TestActions.Gate first = new TestActions.Gate(h.timeline, "first");
            h.command("deploy.a", "deploy {service} to {env}", Duration.ofMinutes(30), QUEUE, first, "service", "env");
            h.command("deploy.b", "redeploy {service} to {env}", Duration.ofMinutes(30), QUEUE,
                    TestActions.quick(h.timeline, "never"), "service", "env");
            deploy(h, "deploy.a", JobHarness.Who.ALICE);
            deploy(h, "deploy.b", JobHarness.Who.BOB);

            assertThat(h.runner.cancel(2, BOB)).isEqualTo(new Jobs.CancelResult.Cancelled(2));

            await().atMost(Duration.ofSeconds(5)).until(() -> job(h, 2).state().terminal());
            assertThat(job(h, 2).state()).isEqualTo(JobState.CANCELLED);
            first.open();
            await().atMost(Duration.ofSeconds(5)).until(() -> job(h, 1).state().terminal());
            assertThat(h.timeline).doesNotContain("action:quick");
            assertThat(h.locks.holder("deploy:web:prod")).isEmpty();
        }
    }
}
