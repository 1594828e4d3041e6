package dev.switchboard.plugin.shell;

import dev.switchboard.api.action.JobContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes a process's output lines to the job, up to a limit shared by stdout and stderr. Lines past the limit are
 * dropped (the reader keeps draining so the process never blocks on a full pipe) and the truncation is reported
 * once. After {@link #close} every line is dropped, so a reader left behind by a stray grandchild that still holds
 * the pipe cannot write into a finished job. Thread-safe.
 */
final class OutputSink {
    private final JobContext context;
    private final int limit;
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicBoolean truncated = new AtomicBoolean();
    private volatile boolean closed;

    OutputSink(JobContext context, int limit) {
        this.context = context;
        this.limit = limit;
    }

    void line(String line) {
        if (closed) {
            return;
        }
        int n = lines.incrementAndGet();
        if (n <= limit) {
            context.output(line);
        } else if (truncated.compareAndSet(false, true)) {
            context.output("[output truncated after " + limit + " lines]");
        }
    }

    void close() {
        closed = true;
    }
}
