package dev.switchboard.store.contract;

import static dev.switchboard.api.job.JobState.CANCELLED;
import static dev.switchboard.api.job.JobState.FAILED;
import static dev.switchboard.api.job.JobState.INTERRUPTED;
import static dev.switchboard.api.job.JobState.QUEUED;
import static dev.switchboard.api.job.JobState.RUNNING;
import static dev.switchboard.api.job.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.NewJob;
import dev.switchboard.api.store.Storage;
import dev.switchboard.testkit.contract.Concurrently;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} must do, on any database shared with other tests and replicas. */
public abstract class JobStoreContract {
    /** Microseconds: what both databases keep. */
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    protected abstract Storage storage();

    protected abstract Storage openStorage();

    protected abstract String password();

    private JobStore jobs() {
        return storage().jobs();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static NewJob newJob(String requester, String node) {
        return new NewJob("deploy.service", "deploy web 1.4.2 to prod", Map.of("service", "web", "env", "prod"),
                requester, "slack:T01/" + requester, new ConversationRef("slack", "#deploys", "1700000000.0001"),
                "corr-1", "deploy:web:prod", node, T0);
    }

    @Test
    void aCreatedJobIsQueuedAndReadBackWhole() {
        String alice = unique("alice");
        NewJob job = newJob(alice, "node-a");
        long id = jobs().create(job);

        assertThat(id).isPositive();
        assertThat(jobs().find(id)).contains(new JobRecord(id, job.commandId(), job.text(), job.args(), alice,
                job.account(), job.conversation(), "corr-1", "deploy:web:prod", "node-a", QUEUED, T0,
                null, null, null, null, null));
        assertThat(jobs().create(job)).isNotEqualTo(id);
    }

    @Test
    void aJobWithoutConversationOrLockRoundTrips() {
        long id = jobs().create(new NewJob("help", "help", Map.of(), unique("bob"), null, null, null, null, "n", T0));
        JobRecord found = jobs().find(id).orElseThrow();
        assertThat(found.conversation()).isNull();
        assertThat(found.lockName()).isNull();
        assertThat(found.args()).isEmpty();
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThat(jobs().find(Long.MAX_VALUE)).isEmpty();
        assertThat(jobs().transition(Long.MAX_VALUE, QUEUED, RUNNING, T0)).isFalse();
    }

    @Test
    void transitionIsCompareAndSetAndStampsTheStart() {
        long id = jobs().create(newJob(unique("carol"), "node-a"));

        assertThat(jobs().transition(id, QUEUED, RUNNING, T0.plusSeconds(1))).isTrue();
        assertThat(jobs().transition(id, QUEUED, RUNNING, T0.plusSeconds(2))).isFalse();
        JobRecord running = jobs().find(id).orElseThrow();
        assertThat(running.state()).isEqualTo(RUNNING);
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void finishRecordsTheEndOnceOnly() {
        long id = jobs().create(newJob(unique("dan"), "node-a"));
        jobs().transition(id, QUEUED, RUNNING, T0);

        assertThat(jobs().finish(id, FAILED, T0.plusSeconds(5), 2, "exit 2: disk full")).isTrue();
        assertThat(jobs().finish(id, SUCCEEDED, T0.plusSeconds(6), 0, "ok")).isFalse();
        JobRecord done = jobs().find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(FAILED);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(done.exitCode()).isEqualTo(2);
        assertThat(done.summary()).isEqualTo("exit 2: disk full");
    }

    @Test
    void finishingInANonTerminalStateIsABug() {
        long id = jobs().create(newJob(unique("eve"), "node-a"));
        assertThatThrownBy(() -> jobs().finish(id, RUNNING, T0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("running");
    }

    @Test
    void aCancelAndAFinishCannotBothWin() throws Exception {
        String requester = unique("race");
        List<Long> ids = IntStream.range(0, 40).mapToObj(i -> jobs().create(newJob(requester, "node-a"))).toList();
        ids.forEach(id -> jobs().transition(id, QUEUED, RUNNING, T0));

        List<List<Boolean>> wins = Concurrently.run(2, thread -> () -> ids.stream()
                .map(id -> thread == 0
                        ? jobs().transition(id, RUNNING, CANCELLED, T0.plusSeconds(1))
                        : jobs().finish(id, SUCCEEDED, T0.plusSeconds(1), 0, "ok"))
                .toList());

        for (int i = 0; i < ids.size(); i++) {
            boolean cancelWon = wins.get(0).get(i);
            assertThat(cancelWon).as("exactly one of cancel and finish wins job %s", ids.get(i))
                    .isNotEqualTo(wins.get(1).get(i));
            assertThat(jobs().find(ids.get(i)).orElseThrow().state()).isEqualTo(cancelWon ? CANCELLED : SUCCEEDED);
        }
    }

    @Test
    void outputKeepsItsOrderAndTheTailIsTheNewestLinesOldestFirst() {
        long id = jobs().create(newJob(unique("fred"), "node-a"));
        jobs().appendOutput(id, List.of("line 1", "line 2"));
        jobs().appendOutput(id, List.of());
        jobs().appendOutput(id, List.of("line 3", "ünïcode \"4\"", "line 5"));

        assertThat(jobs().outputTail(id, 3)).containsExactly("line 3", "ünïcode \"4\"", "line 5");
        assertThat(jobs().outputTail(id, 100)).containsExactly("line 1", "line 2", "line 3", "ünïcode \"4\"", "line 5");
        assertThat(jobs().outputTail(jobs().create(newJob(unique("gus"), "node-a")), 10)).isEmpty();
    }

    @Test
    void concurrentOutputAppendsLoseNoLines() throws Exception {
        long id = jobs().create(newJob(unique("hal"), "node-a"));
        Concurrently.run(4, thread -> () -> {
            for (int i = 0; i < 25; i++) {
                jobs().appendOutput(id, List.of(thread + ":" + i + "a", thread + ":" + i + "b"));
            }
            return null;
        });

        List<String> output = jobs().outputTail(id, 1_000);
        assertThat(output).hasSize(200);
        for (int thread = 0; thread < 4; thread++) {
            String prefix = thread + ":";
            assertThat(output.stream().filter(line -> line.startsWith(prefix)))
                    .containsExactlyElementsOf(IntStream.range(0, 25)
                            .boxed().flatMap(i -> java.util.stream.Stream.of(prefix + i + "a", prefix + i + "b")).toList());
        }
    }

    @Test
    void outputForAnUnknownJobIsRefused() {
        assertThatThrownBy(() -> jobs().appendOutput(Long.MAX_VALUE, List.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no job");
    }

    @Test
    void theProgressMessageIsRemembered() {
        long id = jobs().create(newJob(unique("ida"), "node-a"));
        jobs().attachMessage(id, "1700000000.0002");
        assertThat(jobs().find(id).orElseThrow().messageId()).isEqualTo("1700000000.0002");
    }

    @Test
    void listShowsNewestFirstFilteredByRequesterAndState() {
        String jack = unique("jack");
        long first = jobs().create(newJob(jack, "node-a"));
        long second = jobs().create(newJob(jack, "node-a"));
        long third = jobs().create(newJob(jack, "node-a"));
        jobs().create(newJob(unique("kim"), "node-a"));
        jobs().transition(second, QUEUED, RUNNING, T0);

        assertThat(jobs().list(new JobQuery(jack, Set.of(), 10))).extracting(JobRecord::id)
                .containsExactly(third, second, first);
        assertThat(jobs().list(new JobQuery(jack, Set.of(QUEUED), 10))).extracting(JobRecord::id)
                .containsExactly(third, first);
        assertThat(jobs().list(new JobQuery(jack, Set.of(QUEUED, RUNNING), 2))).extracting(JobRecord::id)
                .containsExactly(third, second);
        assertThat(jobs().list(JobQuery.recent(1))).hasSize(1);
    }

    @Test
    void interruptingANodeTouchesOnlyItsUnfinishedJobs() {
        String node = unique("node");
        String other = unique("node");
        long queued = jobs().create(newJob("leo", node));
        long running = jobs().create(newJob("leo", node));
        long done = jobs().create(newJob("leo", node));
        long elsewhere = jobs().create(newJob("leo", other));
        jobs().transition(running, QUEUED, RUNNING, T0);
        jobs().finish(done, SUCCEEDED, T0, 0, "ok");

        List<JobRecord> interrupted = jobs().interruptUnfinished(node, T0.plusSeconds(60));

        assertThat(interrupted).extracting(JobRecord::id).containsExactlyInAnyOrder(queued, running);
        assertThat(interrupted).allSatisfy(job -> {
            assertThat(job.state()).isEqualTo(INTERRUPTED);
            assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(jobs().find(done).orElseThrow().state()).isEqualTo(SUCCEEDED);
        assertThat(jobs().find(elsewhere).orElseThrow().state()).isEqualTo(QUEUED);
        assertThat(jobs().interruptUnfinished(node, T0)).isEmpty();
    }

    @Test
    void aClosedStorageRefusesWithoutRevealingThePassword() {
        Storage other = openStorage();
        long id = other.jobs().create(newJob(unique("mia"), "node-a"));
        other.close();

        assertThatThrownBy(() -> other.jobs().find(id)).isInstanceOf(StorageException.class)
                .hasMessageContaining("job " + id).hasMessageNotContaining(password());
        assertThatThrownBy(() -> other.jobs().finish(id, JobState.CANCELLED, T0, null, null))
                .isInstanceOf(StorageException.class);
        assertThat(jobs().find(id)).isPresent();
    }
}
