package dev.switchboard.testkit;

import dev.switchboard.api.action.JobContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JobContext} for testing actions on their own: records output lines and runs cancel hooks when the test
 * calls {@link #cancel}. Thread-safe.
 */
public final class RecordingJobContext implements JobContext {
    private final List<String> lines = new ArrayList<>();
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    @Override
    public long jobId() {
        return 7;
    }

    @Override
    public synchronized void output(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized boolean cancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable hook) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                hooks.add(hook);
            }
        }
        if (now) {
            hook.run();
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(600);
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
