package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to list from an {@link AlertStore}: alerts in {@code status} (null: any), from {@code source} (null: any),
 * whose labels include every entry of {@code labels} (exact match), last received at or after {@code since} (null:
 * any time); newest first, at most {@code limit} (1 to {@link #MAX_LIMIT}).
 */
public record AlertQuery(Alert.Status status, String source, Map<String, String> labels, Instant since, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public AlertQuery {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Every alert, newest first, at most {@code limit}. */
    public static AlertQuery latest(int limit) {
        return new AlertQuery(null, null, Map.of(), null, limit);
    }

    public AlertQuery withStatus(Alert.Status wanted) {
        return new AlertQuery(wanted, source, labels, since, limit);
    }

    public AlertQuery withLabel(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> more = new HashMap<>(labels);
        more.put(name, value);
        return new AlertQuery(status, source, more, since, limit);
    }

    /** True if {@code alert} passes every condition except {@code limit}. */
    public boolean matches(Alert alert) {
        return (status == null || alert.status() == status)
                && (source == null || source.equals(alert.source()))
                && (since == null || !alert.receivedAt().isBefore(since))
                && alert.labels().entrySet().containsAll(labels.entrySet());
    }
}
