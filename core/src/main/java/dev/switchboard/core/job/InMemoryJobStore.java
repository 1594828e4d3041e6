package dev.switchboard.core.job;

import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.NewJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JobStore} in memory, for tests and the test harness. Thread-safe: every method holds the store's monitor,
 * which makes each call one "transaction". Never throws {@link dev.switchboard.api.StorageException}.
 */
public final class InMemoryJobStore implements JobStore {
    private final Map<Long, JobRecord> jobs = new HashMap<>();
    private final Map<Long, List<String>> output = new HashMap<>();
    private final List<Integer> appendBatchSizes = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized long create(NewJob job) {
        long id = nextId++;
        jobs.put(id, new JobRecord(id, job.commandId(), job.text(), job.args(), job.requester(), job.account(),
                job.conversation(), job.correlationId(), job.lockName(), job.node(), JobState.QUEUED,
                job.createdAt(), null, null, null, null, null));
        output.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public synchronized Optional<JobRecord> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public synchronized boolean transition(long id, JobState from, JobState to, Instant at) {
        JobRecord r = jobs.get(id);
        if (r == null || r.state() != from) {
            return false;
        }
        Instant startedAt = to == JobState.RUNNING ? at : r.startedAt();
        jobs.put(id, new JobRecord(r.id(), r.commandId(), r.text(), r.args(), r.requester(), r.account(),
                r.conversation(), r.correlationId(), r.lockName(), r.node(), to, r.createdAt(), startedAt,
                r.finishedAt(), r.exitCode(), r.summary(), r.messageId()));
        return true;
    }

    @Override
    public synchronized boolean finish(long id, JobState terminal, Instant at, Integer exitCode, String summary) {
        if (!terminal.terminal()) {
            throw new IllegalArgumentException(terminal + " is not a terminal state");
        }
        JobRecord r = jobs.get(id);
        if (r == null || r.state().terminal()) {
            return false;
        }
        jobs.put(id, new JobRecord(r.id(), r.commandId(), r.text(), r.args(), r.requester(), r.account(),
                r.conversation(), r.correlationId(), r.lockName(), r.node(), terminal, r.createdAt(), r.startedAt(),
                at, exitCode, summary, r.messageId()));
        return true;
    }

    @Override
    public synchronized void attachMessage(long id, String messageId) {
        JobRecord r = jobs.get(id);
        if (r != null) {
            jobs.put(id, new JobRecord(r.id(), r.commandId(), r.text(), r.args(), r.requester(), r.account(),
                    r.conversation(), r.correlationId(), r.lockName(), r.node(), r.state(), r.createdAt(),
                    r.startedAt(), r.finishedAt(), r.exitCode(), r.summary(), messageId));
        }
    }

    @Override
    public synchronized void appendOutput(long id, List<String> lines) {
        List<String> stored = output.get(id);
        if (stored == null) {
            throw new IllegalArgumentException("no job " + id);
        }
        stored.addAll(lines);
        appendBatchSizes.add(lines.size());
    }

    @Override
    public synchronized List<String> outputTail(long id, int lines) {
        List<String> stored = output.getOrDefault(id, List.of());
        return List.copyOf(stored.subList(Math.max(0, stored.size() - lines), stored.size()));
    }

    @Override
    public synchronized List<JobRecord> list(JobQuery query) {
        return jobs.values().stream()
                .filter(r -> query.requester() == null || query.requester().equals(r.requester()))
                .filter(r -> query.states().isEmpty() || query.states().contains(r.state()))
                .sorted(Comparator.comparingLong(JobRecord::id).reversed())
                .limit(Math.max(0, query.limit()))
                .toList();
    }

    @Override
    public synchronized List<JobRecord> interruptUnfinished(String node, Instant at) {
        List<JobRecord> interrupted = new ArrayList<>();
        for (JobRecord r : List.copyOf(jobs.values())) {
            if (node.equals(r.node()) && !r.state().terminal()) {
                finish(r.id(), JobState.INTERRUPTED, at, null, "interrupted by a restart");
                interrupted.add(jobs.get(r.id()));
            }
        }
        interrupted.sort(Comparator.comparingLong(JobRecord::id));
        return interrupted;
    }

    /** Every line stored for a job, in order; for tests. */
    public synchronized List<String> output(long id) {
        return List.copyOf(output.getOrDefault(id, List.of()));
    }

    /** The size of every {@link #appendOutput} call so far, in order; for tests that check batching. */
    public synchronized List<Integer> appendBatchSizes() {
        return List.copyOf(appendBatchSizes);
    }
}
