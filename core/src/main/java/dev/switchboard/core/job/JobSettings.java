package dev.switchboard.core.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link JobRunner} behaves.
 *
 * @param ackAfter how long {@link Jobs#run} waits for a job before answering {@code Accepted} instead of the result
 * @param editInterval the least time between two edits of a job's progress message
 * @param outputLines how many output lines a job keeps; later lines are dropped after one truncation notice
 * @param tailLines how many of the last output lines progress and result messages show
 * @param node the id of this server process, stored on its jobs so a restart finds the ones it left behind
 * @param lockPoll how often a queued job asks the lock store whether its lock became free (other replicas
 *     release locks without telling this one)
 */
public record JobSettings(
        Duration ackAfter, Duration editInterval, int outputLines, int tailLines, String node, Duration lockPoll) {
    public JobSettings {
        Objects.requireNonNull(ackAfter, "ackAfter");
        Objects.requireNonNull(editInterval, "editInterval");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(lockPoll, "lockPoll");
        if (ackAfter.isNegative() || !editInterval.isPositive() || !lockPoll.isPositive()) {
            throw new IllegalArgumentException("ackAfter must be >= 0, editInterval and lockPoll > 0");
        }
        if (outputLines < 1 || tailLines < 0) {
            throw new IllegalArgumentException("outputLines must be >= 1 and tailLines >= 0");
        }
    }

    /** Ack after 2 s, edit at most every second, keep 10,000 lines, show the last 15, node "local", poll 250 ms. */
    public static JobSettings defaults() {
        return new JobSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 10_000, 15, "local",
                Duration.ofMillis(250));
    }
}
