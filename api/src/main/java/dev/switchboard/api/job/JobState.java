package dev.switchboard.api.job;

/**
 * The life of a job: {@code queued → running → succeeded | failed | timed_out | cancelled | interrupted}. A job that
 * waits for a lock stays {@code queued}. A job whose server stopped while it ran becomes {@code interrupted}.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, INTERRUPTED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    /** The lower-case name used in chat, the API and the database ({@code timed_out}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
