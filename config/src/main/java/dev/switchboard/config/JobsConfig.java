package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How jobs report. Defaults: ack after {@code 2s}, edit the progress message at most every {@code 1s}, keep
 * {@code 10000} output lines; {@code node} names this replica (defaults to the host name).
 */
public record JobsConfig(Duration ackAfter, Duration editInterval, int outputLines, String node) {
    public JobsConfig {
        Objects.requireNonNull(ackAfter, "ackAfter");
        Objects.requireNonNull(editInterval, "editInterval");
        Objects.requireNonNull(node, "node");
    }
}
