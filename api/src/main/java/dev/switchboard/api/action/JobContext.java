package dev.switchboard.api.action;

import java.time.Clock;
import java.time.Instant;

/**
 * What a running action can see and use. Thread-safe: an action may report output from several threads (stdout
 * and stderr readers).
 */
public interface JobContext {
    long jobId();

    /**
     * Records one line of output. Lines are redacted, stored (capped; the cap is reported once), and streamed to the
     * conversation by editing one message, no faster than the platform allows.
     */
    void output(String line);

    /** True once the job was cancelled or ran past its deadline; the action should stop promptly. */
    boolean cancelled();

    /** Runs {@code hook} once when the job is cancelled or times out (immediately if that already happened). */
    void onCancel(Runnable hook);

    /** When the job's timeout expires. */
    Instant deadline();

    Clock clock();
}
