package dev.switchboard.core.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.NewJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An in-memory job store whose output and finish writes fail while {@link #down} is true: a database gone away. */
final class FlakyJobStore implements JobStore {
    private final InMemoryJobStore delegate;
    volatile boolean down;

    FlakyJobStore(InMemoryJobStore delegate) {
        this.delegate = delegate;
    }

    private void check() {
        if (down) {
            throw new StorageException("connection refused");
        }
    }

    @Override public long create(NewJob job) { return delegate.create(job); }
    @Override public Optional<JobRecord> find(long id) { check(); return delegate.find(id); }
    @Override public boolean transition(long id, JobState from, JobState to, Instant at) {
        return delegate.transition(id, from, to, at);
    }
    @Override public boolean finish(long id, JobState terminal, Instant at, Integer exitCode, String summary) {
        check();
        return delegate.finish(id, terminal, at, exitCode, summary);
    }
    @Override public void attachMessage(long id, String messageId) { check(); delegate.attachMessage(id, messageId); }
    @Override public void appendOutput(long id, List<String> lines) { check(); delegate.appendOutput(id, lines); }
    @Override public List<String> outputTail(long id, int lines) { check(); return delegate.outputTail(id, lines); }
    @Override public List<JobRecord> list(JobQuery query) { check(); return delegate.list(query); }
    @Override public List<JobRecord> interruptUnfinished(String node, Instant at) {
        return delegate.interruptUnfinished(node, at);
    }
}
