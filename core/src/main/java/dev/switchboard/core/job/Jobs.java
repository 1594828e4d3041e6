package dev.switchboard.core.job;

import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs authorised invocations as durable jobs (DESIGN.md section 5). The execute stage hands every configured
 * command here; built-in read-only commands are answered in process instead.
 */
public interface Jobs {
    /**
     * Creates a job for the exchange's invocation, takes its lock, records {@code started} in the audit log before
     * the action runs, and waits briefly: a job that finishes quickly comes back {@link Outcome.Completed}, a slow
     * one {@link Outcome.Accepted} (its progress is then streamed into the message given to
     * {@link #attachMessage}). A lock held by another job with mode refuse gives {@link Outcome.Denied}.
     */
    Outcome run(Exchange exchange);

    /** The message the reply stage posted for an accepted job; progress and the result are edited into it. */
    void attachMessage(long jobId, MessageRef message);

    /** Cancels a queued or running job on behalf of {@code by}. */
    CancelResult cancel(long jobId, Principal by);

    Optional<JobRecord> find(long jobId);

    /**
     * Calls {@code then} once with the job's final record when it ends (succeeded, failed, timed out, cancelled or
     * interrupted): on the job's own thread, or at once on the caller's if it has already ended. Never called for
     * an unknown job or one that runs on another replica. {@code then} should be quick; what it throws is logged.
     * By default it is never called (runners that cannot tell).
     */
    default void whenFinished(long jobId, Consumer<JobRecord> then) {}

    List<JobRecord> list(JobQuery query);

    List<String> outputTail(long jobId, int lines);

    /**
     * Called once at start-up: jobs that were queued or running when this node stopped become interrupted, their
     * locks are released, and each conversation is told. Returns how many there were.
     */
    int recoverAfterRestart();

    /** What a cancel request did. */
    sealed interface CancelResult {
        record Cancelled(long jobId) implements CancelResult {}

        record NotFound(long jobId) implements CancelResult {}

        record AlreadyFinished(long jobId, String state) implements CancelResult {}

        record NotAllowed(long jobId, String reason) implements CancelResult {}
    }
}
