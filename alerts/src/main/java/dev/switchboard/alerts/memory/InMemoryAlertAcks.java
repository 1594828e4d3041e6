package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertAcks;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link AlertAcks} in memory. Thread-safe (one lock). Nothing survives the process. */
public final class InMemoryAlertAcks implements AlertAcks {
    private static final Comparator<Ack> NEWEST =
            Comparator.comparing(Ack::at).reversed().thenComparing(Ack::fingerprint);

    private final Map<String, Ack> byFingerprint = new HashMap<>();

    @Override
    public synchronized void record(List<Ack> acks) {
        Objects.requireNonNull(acks, "acks");
        acks.forEach(ack -> Objects.requireNonNull(ack, "ack"));
        acks.forEach(ack -> byFingerprint.put(ack.fingerprint(), ack));
    }

    @Override
    public synchronized Optional<Ack> find(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(Objects.requireNonNull(fingerprint, "fingerprint")));
    }

    @Override
    public synchronized List<Ack> byUser(String by, int limit) {
        Objects.requireNonNull(by, "by");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return byFingerprint.values().stream().filter(ack -> ack.by().equals(by)).sorted(NEWEST).limit(limit)
                .toList();
    }
}
