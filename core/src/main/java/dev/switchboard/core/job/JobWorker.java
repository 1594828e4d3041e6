package dev.switchboard.core.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionRequest;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.NewJob;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.job.JobExecution.Result;
import dev.switchboard.core.job.JobExecution.Stop;
import dev.switchboard.core.redact.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one job on its own virtual thread: wait for the lock (queue mode), record {@code started} (fail
 * closed), run the action under its timeout, then store the result, release the lock, record the end and complete
 * the execution. Store and chat failures are logged with the correlation id and never end the thread early.
 */
final class JobWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    static final String AUDIT_DOWN = "not started: the audit log cannot be written";

    private final JobExecution exec;
    private final JobServices services;
    private final NewJob job;
    private final long id;

    JobWorker(JobExecution exec, JobServices services) {
        this.exec = exec;
        this.services = services;
        this.job = exec.job();
        this.id = exec.jobId();
    }

    @Override
    public void run() {
        exec.interruptibleBy(Thread.currentThread());
        Result natural;
        try {
            natural = work();
        } catch (InterruptedException e) {
            natural = failed("the action was interrupted", null);
        } catch (RuntimeException e) {
            log.error("job {} ({}) broke [{}]", id, job.commandId(), job.correlationId(), e);
            natural = failed("something went wrong (ref " + job.correlationId() + ")", null);
        }
        end(exec.settle(natural));
    }

    private Result work() throws InterruptedException {
        Duration timeout = exec.invocation().command().timeout();
        if (job.lockName() != null && exec.lockMode() == LockSpec.Mode.QUEUE) {
            Result waited = waitForLock(timeout);
            if (waited != null) {
                return waited;
            }
        }
        CommandSet commands = services.commands().current();
        if (commands.find(job.commandId()).isEmpty()) {
            return failed("command was removed by a config reload", null);
        }
        Action action = commands.action(job.commandId());
        if (exec.stopRequested()) {
            return failed("stopped before it started", null);
        }
        try {
            services.audit().record(JobAuditEvents.started(id, job, services.clock().instant()));
        } catch (RuntimeException e) {
            log.error("could not record the start of job {}; not running it [{}]", id, job.correlationId(), e);
            return new Result(JobState.FAILED, null, AUDIT_DOWN, null, true);
        }
        Instant startedAt = services.clock().instant();
        try {
            if (!services.store().transition(id, JobState.QUEUED, JobState.RUNNING, startedAt)) {
                return failed("the job was ended before it could start", null);
            }
        } catch (StorageException e) {
            log.error("could not mark job {} running; not running it [{}]", id, job.correlationId(), e);
            return failed("not started: the job store cannot be written", null);
        }
        exec.running(startedAt, timeout);
        ScheduledFuture<?> timer = services.scheduler().schedule(
                () -> Thread.startVirtualThread(() -> exec.requestStop(
                        new Stop(JobState.TIMED_OUT, "timed out after " + JobReplies.humanize(timeout), null))),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            ActionResult result = action.run(
                    new ActionRequest(id, exec.invocation(), exec.principal(), job.conversation()), exec.context());
            return fromAction(result);
        } finally {
            timer.cancel(false);
        }
    }

    /** Returns null once the lock is held, or how the job ended while waiting. */
    private Result waitForLock(Duration timeout) throws InterruptedException {
        exec.waitingFor(job.lockName());
        LockWaiter.Wait wait = services.locks().await(job.lockName(), id, LockWaiter.deadlineAfter(timeout),
                exec::stopRequested);
        exec.waitingFor(null);
        return switch (wait) {
            case ACQUIRED -> {
                exec.lockHeld();
                yield null;
            }
            case STOPPED -> failed("stopped while waiting for " + job.lockName(), null);
            case TIMED_OUT -> new Result(JobState.TIMED_OUT, null, "timed out: waited " + JobReplies.humanize(timeout)
                    + " for lock " + job.lockName() + holderText(), null, false);
        };
    }

    private String holderText() {
        try {
            return services.locks().store().holder(job.lockName()).map(h -> ", held by job " + h).orElse("");
        } catch (StorageException e) {
            return "";
        }
    }

    private Result fromAction(ActionResult result) {
        return switch (result) {
            // an action's own reply is masked like its output: it may echo a secret argument or a config secret
            case ActionResult.Succeeded ok -> new Result(JobState.SUCCEEDED, ok.exitCode(),
                    "finished in " + JobReplies.humanize(Duration.between(exec.startedAt(), services.clock().instant())),
                    ok.reply() == null ? null : Redactor.redact(ok.reply(), exec.redactor()), false);
            case ActionResult.Failed bad -> failed(reasonOf(bad), bad.exitCode());
        };
    }

    private String reasonOf(ActionResult.Failed bad) {
        if (bad.reason() != null && !bad.reason().isBlank()) {
            return exec.redactor().apply(bad.reason());
        }
        return bad.exitCode() != null ? "exited with code " + bad.exitCode() : "the action failed";
    }

    private static Result failed(String summary, Integer exit) {
        return new Result(JobState.FAILED, exit, summary, null, false);
    }

    /** Stores, releases, audits and completes; every step is attempted even if an earlier one failed. */
    private void end(Result settled) {
        boolean outputStored = exec.output().flush();
        Instant at = exec.finishedAt();
        boolean resultStored = true;
        try {
            if (!services.store().finish(id, settled.state(), at, settled.exitCode(), settled.summary())) {
                log.info("job {} had already ended in the store; keeping that state [{}]", id, job.correlationId());
            }
        } catch (StorageException e) {
            resultStored = false;
            log.error("could not store the result of job {} ({}) [{}]", id, settled.state().wireName(),
                    job.correlationId(), e);
        }
        // the end is audited before the lock goes, so the log never shows two holders overlapping
        if (!settled.refused()) {
            recordEnd(settled, at);
        }
        if (exec.holdsLock()) {
            try {
                services.locks().release(job.lockName(), id);
            } catch (StorageException e) {
                log.error("could not release lock {} of job {} [{}]", job.lockName(), id, job.correlationId(), e);
            }
        }
        Result shown = new Result(settled.state(), settled.exitCode(), settled.summary(), replyFor(settled),
                settled.refused());
        if (!resultStored) {
            exec.resultNotStored();
        }
        if (!resultStored || !outputStored) {
            tell("job " + id + " finished but its result could not be stored (ref " + job.correlationId() + ")");
        }
        exec.complete(shown);
    }

    private void recordEnd(Result settled, Instant at) {
        String by = settled.state() == JobState.CANCELLED ? exec.stoppedBy() : null;
        try {
            services.audit().record(JobAuditEvents.ended(id, job, settled, by, exec.startedAt(), at,
                    exec.output().digestHex()));
        } catch (RuntimeException e) {
            log.error("could not record the end of job {} ({}) [{}]", id, settled.state().wireName(),
                    job.correlationId(), e);
        }
    }

    private Reply replyFor(Result settled) {
        if (settled.state() == JobState.SUCCEEDED && settled.reply() != null) {
            return settled.reply();
        }
        return JobReplies.result(exec.label(), settled.state(), settled.summary(), exec.output().tail());
    }

    private void tell(String text) {
        try {
            services.gateway().say(job.conversation(), Reply.text(text));
        } catch (RuntimeException e) {
            log.error("could not tell {} about job {} [{}]", job.conversation(), id, job.correlationId(), e);
        }
    }
}
