package dev.switchboard.core.job;

import dev.switchboard.api.action.JobContext;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.LockSpec;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.NewJob;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job of this process while it is queued, running, or finished but not yet shown: its in-memory state (kept
 * even when the store fails), its output, its cancellation and the {@link JobContext} its action sees.
 * Thread-safe: the job's thread, cancels, the timeout and the progress streamer all use it.
 */
final class JobExecution implements ProgressStreamer.Source {
    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);

    /** Why a job is being stopped: {@code CANCELLED} or {@code TIMED_OUT}, with its summary. */
    record Stop(JobState state, String summary, String by) {}

    /** How the job ended; {@code refused} means the action never ran because the audit log failed. */
    record Result(JobState state, Integer exitCode, String summary, Reply reply, boolean refused) {
        boolean succeeded() {
            return state == JobState.SUCCEEDED;
        }
    }

    private final long id;
    private final NewJob job;
    private final Invocation invocation;
    private final Principal principal;
    private final JobRedactor redactor;
    private final Clock clock;
    private final OutputBuffer output;
    private final AtomicLong version = new AtomicLong();
    private final CompletableFuture<Result> completion = new CompletableFuture<>();
    private final List<Runnable> hooks = new ArrayList<>();
    private final Context context = new Context();
    private volatile Stop stop;
    private boolean ending; // guarded by this
    private Thread interruptible; // guarded by this
    private volatile JobState state = JobState.QUEUED;
    private volatile boolean lockHeld;
    private volatile String waitingForLock;
    private volatile Instant startedAt;
    private volatile Instant deadline;
    private volatile Instant finishedAt;
    private volatile long finishedNanos;
    private volatile String messageId;
    private volatile Result result;
    private volatile boolean resultStored = true;

    JobExecution(long id, NewJob job, Invocation invocation, Principal principal, JobRedactor redactor,
                 JobServices services) {
        this.id = id;
        this.job = job;
        this.invocation = invocation;
        this.principal = principal;
        this.redactor = redactor;
        this.clock = services.clock();
        this.output = new OutputBuffer(id, job.correlationId(), services.store(), redactor,
                services.settings().outputLines(), services.settings().tailLines(), version::incrementAndGet);
    }

    // ---- cancellation

    /** Asks the job to stop; false if it is already stopping or ending. Runs the hooks, then interrupts. */
    boolean requestStop(Stop request) {
        List<Runnable> toRun;
        synchronized (this) {
            if (ending || stop != null) {
                return false;
            }
            stop = request;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(this::runHook);
        synchronized (this) {
            if (interruptible != null) {
                interruptible.interrupt();
            }
        }
        version.incrementAndGet();
        return true;
    }

    boolean stopRequested() {
        return stop != null;
    }

    /** Who stopped the job (a principal id), or null if nobody did or it timed out. */
    String stoppedBy() {
        Stop s = stop;
        return s == null ? null : s.by();
    }

    private void onCancel(Runnable hook) {
        synchronized (this) {
            if (stop == null) {
                hooks.add(hook);
                return;
            }
        }
        runHook(hook);
    }

    private void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            log.warn("a cancel hook of job {} failed [{}]", id, job.correlationId(), e);
        }
    }

    // ---- lifecycle, called by the job's thread

    synchronized void interruptibleBy(Thread thread) {
        interruptible = thread;
    }

    /**
     * Ends the interruptible phase and settles the terminal state: a stop request wins over what the action
     * returned. Clears a pending interrupt, so storing the result is not interrupted.
     */
    Result settle(Result natural) {
        Result settled;
        synchronized (this) {
            ending = true;
            interruptible = null;
            Stop won = stop;
            settled = won == null ? natural
                    : new Result(won.state(), natural.exitCode(), won.summary(), null, false);
            // set with ending, so endingState never sees an ending job as still running
            state = settled.state();
        }
        Thread.interrupted();
        finishedAt = clock.instant();
        return settled;
    }

    /** Once {@link #requestStop} returned false: the state the job ends (or ended) in. */
    synchronized JobState endingState() {
        return stop != null ? stop.state() : state;
    }

    void lockHeld() {
        lockHeld = true;
    }

    boolean holdsLock() {
        return lockHeld;
    }

    void waitingFor(String lockName) {
        waitingForLock = lockName;
        version.incrementAndGet();
    }

    void running(Instant at, Duration timeout) {
        startedAt = at;
        deadline = at.plus(timeout);
        state = JobState.RUNNING;
        version.incrementAndGet();
    }

    /** False once storing the result failed: then this in-memory state is the only true one. */
    boolean resultStored() {
        return resultStored;
    }

    void resultNotStored() {
        resultStored = false;
    }

    void complete(Result finished) {
        result = finished;
        finishedNanos = System.nanoTime();
        version.incrementAndGet();
        completion.complete(finished);
    }

    // ---- views

    CompletableFuture<Result> completion() {
        return completion;
    }

    JobContext context() {
        return context;
    }

    OutputBuffer output() {
        return output;
    }

    NewJob job() {
        return job;
    }

    Invocation invocation() {
        return invocation;
    }

    Principal principal() {
        return principal;
    }

    JobRedactor redactor() {
        return redactor;
    }

    JobState state() {
        return state;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String waitingForLock() {
        return waitingForLock;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    void messageId(String id) {
        messageId = id;
    }

    /** The job as the store would show it; used when the store cannot be read. */
    JobRecord record() {
        Result r = result;
        return new JobRecord(id, job.commandId(), job.text(), job.args(), job.requester(), job.account(),
                job.conversation(), job.correlationId(), job.lockName(), job.node(), state, job.createdAt(),
                startedAt, finishedAt, r == null ? null : r.exitCode(), r == null ? null : r.summary(), messageId);
    }

    @Override
    public long jobId() {
        return id;
    }

    @Override
    public String label() {
        return JobReplies.label(job.text(), job.commandId());
    }

    @Override
    public String correlationId() {
        return job.correlationId();
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public boolean finished() {
        return result != null;
    }

    @Override
    public int lines() {
        return output.lines();
    }

    @Override
    public Reply currentReply() {
        Result r = result;
        if (r != null) {
            return r.reply();
        }
        Instant since = startedAt;
        Duration elapsed = since == null ? Duration.ZERO : Duration.between(since, clock.instant());
        return JobReplies.progress(id, label(), state, waitingForLock, elapsed, output.tail());
    }

    /** What the action sees. */
    private final class Context implements JobContext {
        @Override
        public long jobId() {
            return id;
        }

        @Override
        public void output(String line) {
            output.output(line);
        }

        @Override
        public boolean cancelled() {
            return stop != null;
        }

        @Override
        public void onCancel(Runnable hook) {
            JobExecution.this.onCancel(hook);
        }

        @Override
        public Instant deadline() {
            Instant d = deadline;
            return d != null ? d : clock.instant().plus(invocation.command().timeout());
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }

    LockSpec.Mode lockMode() {
        return invocation.command().lock() == null ? null : invocation.command().lock().mode();
    }
}
