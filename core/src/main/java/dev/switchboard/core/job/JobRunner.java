package dev.switchboard.core.job;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.LockStore;
import dev.switchboard.api.job.NewJob;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.job.JobExecution.Result;
import dev.switchboard.core.job.JobExecution.Stop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Jobs} of one server process: each job runs on its own virtual thread, its progress is streamed by a
 * {@link ProgressStreamer}, its output kept by an {@link OutputBuffer}. Thread-safe. {@link #close()} stops the
 * streaming; jobs still running are left to be marked interrupted by {@link #recoverAfterRestart()} on the next
 * start.
 */
public final class JobRunner implements Jobs, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** A finished job whose message was never attached is forgotten (it stays in the store) after this long. */
    private static final Duration KEEP_UNATTACHED = Duration.ofMinutes(10);
    static final String ADMINS = "admins";

    private final JobServices services;
    private final IdGenerator ids;
    private final ProgressStreamer streamer;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(8);

    private final Map<Long, JobExecution> executions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A runner that redacts only the values of secret arguments. */
    public JobRunner(JobStore store, LockStore locks, AuditLog audit, ChatGateway gateway, ActiveCommands commands,
                     Clock clock, IdGenerator ids, JobSettings settings) {
        this(store, locks, audit, gateway, commands, clock, ids, settings, UnaryOperator.identity());
    }

    /**
     * @param redactor applied to every stored text, output line and summary after secret argument values are masked;
     *     use it to mask config secrets (tokens, passwords). Must be thread-safe and never return null.
     */
    public JobRunner(JobStore store, LockStore locks, AuditLog audit, ChatGateway gateway, ActiveCommands commands,
                     Clock clock, IdGenerator ids, JobSettings settings, UnaryOperator<String> redactor) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("job-streamer").factory());
        this.services = new JobServices(Objects.requireNonNull(store, "store"),
                new LockWaiter(Objects.requireNonNull(locks, "locks"), clock, settings.lockPoll()),
                Objects.requireNonNull(audit, "audit"), Objects.requireNonNull(gateway, "gateway"),
                Objects.requireNonNull(commands, "commands"), Objects.requireNonNull(clock, "clock"), settings,
                scheduler, Objects.requireNonNull(redactor, "redactor"));
        this.ids = Objects.requireNonNull(ids, "ids");
        this.streamer = new ProgressStreamer(gateway, settings.editInterval(), this::forgetIfFinished);
        streamer.start(scheduler);
        long every = settings.editInterval().toNanos();
        scheduler.scheduleWithFixedDelay(() -> Thread.startVirtualThread(this::housekeeping), every, every,
                TimeUnit.NANOSECONDS);
    }

    @Override
    public Outcome run(Exchange exchange) {
        Invocation invocation = Objects.requireNonNull(exchange.invocation(), "the exchange has no invocation");
        Principal principal = Objects.requireNonNull(exchange.principal(), "the exchange has no principal");
        String ref = exchange.correlationId();
        if (closed) {
            return new Outcome.Denied("Switchboard is shutting down; try again in a minute", "shutdown", ref);
        }
        LockSpec lock = invocation.command().lock();
        String lockName;
        try {
            lockName = lock == null ? null : ArgTemplate.parse(lock.template()).expand(invocation.args());
        } catch (IllegalArgumentException e) {
            log.error("lock template of {} is invalid [{}]", invocation.commandId(), ref, e);
            return new Outcome.Failed("the lock of " + invocation.commandId() + " is misconfigured", ref);
        }
        JobRedactor redactor = JobRedactor.of(invocation, services.configRedactor());
        Instant now = services.clock().instant();
        NewJob job = new NewJob(invocation.commandId(), redactor.apply(invocation.text()),
                redactedArgs(invocation, redactor), principal.id(), exchange.message().user().key(),
                exchange.message().conversation(), ref, lockName, services.settings().node(), now);
        JobExecution exec;
        try {
            if (lock != null && lock.mode() == LockSpec.Mode.REFUSE) {
                Optional<Long> holder = services.locks().store().holder(lockName);
                if (holder.isPresent()) {
                    return lockRefused(lockName, holder.get(), ref);
                }
            }
            long id = services.store().create(job);
            exec = new JobExecution(id, job, invocation, principal, redactor, services);
            if (lock != null && lock.mode() == LockSpec.Mode.REFUSE) {
                if (!services.locks().store().tryAcquire(lockName, id, now)) {
                    services.store().finish(id, JobState.FAILED, now, null, "refused: " + lockName + " was taken");
                    return services.locks().store().holder(lockName)
                            .map(h -> lockRefused(lockName, h, ref))
                            .orElseGet(() -> new Outcome.Denied(lockName + " is in use; try again", "lock", ref));
                }
                exec.lockHeld();
            }
        } catch (StorageException e) {
            log.error("could not create a job for {} [{}]", invocation.commandId(), ref, e);
            return new Outcome.Denied("not started: the job store cannot be written", "storage", ref);
        }
        executions.put(exec.jobId(), exec);
        Thread.ofVirtual().name("job-" + exec.jobId()).start(new JobWorker(exec, services));
        return awaitAck(exec, ref);
    }

    private Outcome awaitAck(JobExecution exec, String ref) {
        Result result;
        try {
            result = exec.completion().get(services.settings().ackAfter().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new Outcome.Accepted(exec.jobId(),
                    JobReplies.accepted(exec.jobId(), exec.label(), exec.waitingForLock()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Accepted(exec.jobId(),
                    JobReplies.accepted(exec.jobId(), exec.label(), exec.waitingForLock()));
        } catch (ExecutionException e) {
            log.error("job {} completed exceptionally [{}]", exec.jobId(), ref, e);
            return new Outcome.Failed("something went wrong (ref " + ref + ")", ref);
        }
        if (exec.resultStored()) {
            executions.remove(exec.jobId());
        }
        if (result.refused()) {
            return new Outcome.Denied(result.summary(), "audit", ref);
        }
        return new Outcome.Completed(exec.jobId(), result.succeeded(), result.reply());
    }

    private Outcome lockRefused(String lockName, long holderId, String ref) {
        JobRecord holder = find(holderId).orElse(null);
        return new Outcome.Denied(JobReplies.lockRefused(lockName, holderId, holder, services.clock().instant()),
                "lock", ref);
    }

    private static Map<String, String> redactedArgs(Invocation invocation, JobRedactor redactor) {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        invocation.redactedArgs().forEach((name, value) -> shown.put(name, redactor.apply(value)));
        return shown;
    }

    @Override
    public void attachMessage(long jobId, MessageRef message) {
        try {
            services.store().attachMessage(jobId, message.messageId());
        } catch (StorageException e) {
            log.warn("could not store the message id of job {}", jobId, e);
        }
        JobExecution exec = executions.get(jobId);
        if (exec != null) {
            exec.messageId(message.messageId());
            streamer.attach(exec, message);
            return;
        }
        try {
            Optional<JobRecord> stored = services.store().find(jobId);
            if (stored.isPresent() && stored.get().state().terminal()) {
                JobRecord r = stored.get();
                String label = JobReplies.label(r.text(), r.commandId());
                streamer.attach(new ProgressStreamer.Finished(jobId, label, r.correlationId(), JobReplies.result(
                        label, r.state(), r.summary(), services.store().outputTail(jobId,
                                services.settings().tailLines()))), message);
            } else {
                log.warn("attachMessage for job {}, which is not running here", jobId);
            }
        } catch (StorageException e) {
            log.error("could not read job {} to show its result in {}", jobId, message.conversation(), e);
        }
    }

    @Override
    public CancelResult cancel(long jobId, Principal by) {
        JobExecution exec = executions.get(jobId);
        JobRecord job = exec != null ? exec.record() : services.store().find(jobId).orElse(null);
        if (job == null) {
            return new CancelResult.NotFound(jobId);
        }
        if (!by.id().equals(job.requester()) && !by.inGroup(ADMINS)) {
            return new CancelResult.NotAllowed(jobId, "only " + job.requester() + " (who started job " + jobId
                    + ") or a member of " + ADMINS + " can cancel it");
        }
        Stop stop = new Stop(JobState.CANCELLED, "cancelled by " + by.id(), by.id());
        if (exec != null) {
            if (exec.requestStop(stop)) {
                return new CancelResult.Cancelled(jobId);
            }
            // already stopping (a second cancel, the timeout) or ending: answer with the state it ends in
            JobState ending = exec.endingState();
            return ending == JobState.CANCELLED ? new CancelResult.Cancelled(jobId)
                    : new CancelResult.AlreadyFinished(jobId, ending.wireName());
        }
        if (job.state().terminal()) {
            return new CancelResult.AlreadyFinished(jobId, job.state().wireName());
        }
        // not running in this process: end it in the store; its owner sees the compare-and-set fail
        return services.store().finish(jobId, JobState.CANCELLED, services.clock().instant(), null, stop.summary())
                ? new CancelResult.Cancelled(jobId)
                : new CancelResult.AlreadyFinished(jobId, services.store().find(jobId)
                        .map(r -> r.state().wireName()).orElse("unknown"));
    }

    @Override
    public Optional<JobRecord> find(long jobId) {
        JobExecution finished = executions.get(jobId);
        if (finished != null && finished.finished()) {
            // fresher than the store, which may have missed the result
            return Optional.of(finished.record());
        }
        try {
            return services.store().find(jobId);
        } catch (StorageException e) {
            JobExecution exec = executions.get(jobId);
            if (exec == null) {
                throw e;
            }
            return Optional.of(exec.record());
        }
    }

    @Override
    public void whenFinished(long jobId, Consumer<JobRecord> then) {
        JobExecution exec = executions.get(jobId);
        if (exec != null) {
            exec.completion().whenComplete((result, failure) -> tell(then, exec.record()));
            return;
        }
        // no longer (or never) running here: only a job that ended is reported
        find(jobId).filter(r -> r.state().terminal()).ifPresent(r -> tell(then, r));
    }

    private static void tell(Consumer<JobRecord> then, JobRecord record) {
        try {
            then.accept(record);
        } catch (RuntimeException e) {
            log.warn("a listener for the end of job {} failed [{}]", record.id(), record.correlationId(), e);
        }
    }

    @Override
    public List<JobRecord> list(JobQuery query) {
        return services.store().list(query);
    }

    @Override
    public List<String> outputTail(long jobId, int lines) {
        JobExecution exec = executions.get(jobId);
        if (exec != null && !exec.output().flush()) {
            List<String> tail = exec.output().tail();
            return tail.subList(Math.max(0, tail.size() - lines), tail.size());
        }
        return services.store().outputTail(jobId, lines);
    }

    @Override
    public int recoverAfterRestart() {
        return new RestartRecovery(services).recover();
    }

    /**
     * Stops accepting jobs, stops the ones running here (their processes must not go on unwatched after the server
     * is gone), waits a bounded time for each to record itself as interrupted and tell its conversation, then stops
     * streaming. A job that does not stop in time is left for the next start's {@link #recoverAfterRestart()}.
     */
    @Override
    public void close() {
        closed = true;
        Stop shutdown = new Stop(JobState.INTERRUPTED, "was stopped because Switchboard shut down; it was not re-run",
                null);
        List<JobExecution> running = executions.values().stream().filter(e -> !e.finished()).toList();
        running.forEach(exec -> exec.requestStop(shutdown));
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (JobExecution exec : running) {
            // finished, and its final state shown in its conversation (the streamer stops streaming it then)
            while ((!exec.finished() || streamer.streaming(exec.jobId())) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20); // bounded by SHUTDOWN_WAIT; no result to wait on from here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!running.isEmpty()) {
            log.info("stopped {} running job(s) at shutdown", running.size());
        }
        services.scheduler().shutdownNow();
    }

    private void forgetIfFinished(long jobId) {
        executions.computeIfPresent(jobId, (id, exec) -> exec.finished() && exec.resultStored() ? null : exec);
    }

    /** Flushes trickling output to the store and forgets finished jobs nobody attached a message to. */
    private void housekeeping() {
        long now = System.nanoTime();
        for (JobExecution exec : executions.values()) {
            if (!exec.finished()) {
                exec.output().flush();
            } else if (!streamer.streaming(exec.jobId()) && now - exec.finishedNanos() > KEEP_UNATTACHED.toNanos()) {
                executions.remove(exec.jobId(), exec);
            }
        }
    }
}
