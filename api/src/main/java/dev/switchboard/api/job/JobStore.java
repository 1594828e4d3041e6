package dev.switchboard.api.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable job records and their output. Thread-safe; every method is one transaction. Throws
 * {@link dev.switchboard.api.StorageException} when the database cannot be used.
 */
public interface JobStore {
    /** Stores a new job in state {@code queued} and returns its id, a positive number unique across replicas. */
    long create(NewJob job);

    Optional<JobRecord> find(long id);

    /**
     * Moves a job from {@code from} to {@code to} if it is still in {@code from} (compare-and-set), stamping
     * {@code startedAt} when entering {@code running}. Returns false if the job was in another state.
     */
    boolean transition(long id, JobState from, JobState to, Instant at);

    /**
     * Ends a job that is not yet terminal: sets the terminal state, finish time, exit code and summary. Returns
     * false if it had already ended (so a cancel and a normal finish cannot both win).
     */
    boolean finish(long id, JobState terminal, Instant at, Integer exitCode, String summary);

    /** Remembers the id of the chat message the job's progress is shown in. */
    void attachMessage(long id, String messageId);

    /** Appends output lines (already redacted and capped) in order. */
    void appendOutput(long id, List<String> lines);

    /** The last {@code lines} lines of a job's output, oldest first. */
    List<String> outputTail(long id, int lines);

    /** Jobs matching the query, newest first. */
    List<JobRecord> list(JobQuery query);

    /**
     * Marks every job of {@code node} that is still queued or running as interrupted (the server stopped under them)
     * and returns them, so their conversations can be told.
     */
    List<JobRecord> interruptUnfinished(String node, Instant at);
}
