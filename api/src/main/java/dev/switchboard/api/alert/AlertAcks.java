package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who took which alerts: an {@code ack <alert|group>} typed in chat records one {@link Ack} per fingerprint, so the
 * group's message can say "acked by alice" and {@code alerts mine} can list what someone took, across restarts and
 * replicas. An alert has at most one ack: acking it again replaces who and when (the last person to take it owns
 * it). Thread-safe. Arguments are never null; throws {@link dev.switchboard.api.StorageException} when the store
 * cannot be used.
 */
public interface AlertAcks {

    /** Longest list {@link #byUser} answers. */
    int MAX_LIMIT = 1_000;

    /**
     * Alert {@code fingerprint} was acked by Switchboard user {@code by} at {@code at}; {@code groupId} is the alert
     * group the ack named, null when the alert was acked by its fingerprint. Immutable.
     */
    record Ack(String fingerprint, String by, Instant at, String groupId) {
        public Ack {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            if (fingerprint.isBlank() || by.isBlank()) {
                throw new IllegalArgumentException("an ack needs a fingerprint and the id of who acked");
            }
        }
    }

    /**
     * Records {@code acks} all or nothing; when this returns they are durable. A fingerprint acked before is
     * replaced by its new ack. An empty list does nothing.
     */
    void record(List<Ack> acks);

    /** The ack of the alert with {@code fingerprint}, if anyone acked it. */
    Optional<Ack> find(String fingerprint);

    /** The alerts user {@code by} acked, newest ack first (then by fingerprint), at most {@code limit} (1 to {@link #MAX_LIMIT}). */
    List<Ack> byUser(String by, int limit);
}
