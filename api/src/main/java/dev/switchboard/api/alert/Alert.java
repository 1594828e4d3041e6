package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert as received, normalised whatever its source. Immutable; labels and annotations are copied into
 * unmodifiable maps sorted by key, links into an unmodifiable list.
 *
 * <p>{@code fingerprint} identifies the alert across notifications (the same label set gives the same fingerprint);
 * {@code source} is the kind of sender ({@code alertmanager}, {@code grafana}, {@code generic}) and {@code receiver}
 * the configured receiver that accepted it. {@code name} is the alert's name ({@code alertname} label or mapped);
 * {@code severity} and {@code summary} may be null. {@code startsAt} is when it started firing; {@code endsAt} is
 * when it ended, null while it fires without a known end. {@code receivedAt} is when Switchboard received it.
 */
public record Alert(String source, String receiver, String fingerprint, String name, String severity, Status status,
        Map<String, String> labels, Map<String, String> annotations, String summary, List<Link> links,
        Instant startsAt, Instant endsAt, Instant receivedAt) {

    /** Whether the alert fires or has resolved. */
    public enum Status {
        FIRING, RESOLVED;

        /** The lower-case name used on the wire and in the database ({@code firing}). */
        public String wireName() {
            return this == FIRING ? "firing" : "resolved";
        }
    }

    /** A link for people (the graph that fired, a dashboard, a runbook); {@code title} says which. */
    public record Link(String title, String url) {
        public Link {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }

    public Alert {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("an alert needs a non-blank fingerprint");
        }
        labels = sorted(labels);
        annotations = sorted(annotations);
        links = links == null ? List.of() : List.copyOf(links);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** True while the alert fires. */
    public boolean firing() {
        return status == Status.FIRING;
    }
}
