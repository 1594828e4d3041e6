package dev.switchboard.api.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to page someone about: an incident on an escalation service (PagerDuty, Opsgenie) keyed by
 * {@code dedupKey}, so triggering twice opens one incident and acknowledge / resolve reach the same one.
 * {@code summary} is the one-line title, {@code source} the affected system; {@code component}, {@code group} and
 * {@code eventClass} may be null; {@code details} and {@code links} are copied. Immutable.
 *
 * <p>Dedup keys come from {@link #alertKey(String)} (an alert's fingerprint) or {@link #groupKey(String)} (an alert
 * group's id), so whoever acknowledges or resolves later derives the same key from the same alert or group.
 */
public record Escalation(String dedupKey, String summary, String source, Severity severity, String component,
        String group, String eventClass, Map<String, String> details, List<Alert.Link> links) {

    /** Longest dedup key accepted (PagerDuty's limit; Opsgenie allows 512). */
    public static final int MAX_KEY_LENGTH = 255;

    /** How bad it is, in PagerDuty's four levels (mapped to Opsgenie priorities by its backend). */
    public enum Severity {
        CRITICAL, ERROR, WARNING, INFO;

        /** The lower-case name PagerDuty expects ({@code critical}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The level for an alert's {@code severity} label, read loosely ({@code page}, {@code P1}, {@code warn},
         * {@code low} ...). An absent or unknown value gives {@link #ERROR}: someone chose to page, so it matters,
         * but nothing said it is critical.
         */
        public static Severity fromLabel(String label) {
            if (label == null) {
                return ERROR;
            }
            return switch (label.strip().toLowerCase(Locale.ROOT)) {
                case "critical", "crit", "page", "fatal", "emergency", "disaster", "p1" -> CRITICAL;
                case "warning", "warn", "medium", "minor", "p3" -> WARNING;
                case "info", "informational", "low", "none", "notice", "p4", "p5" -> INFO;
                default -> ERROR;
            };
        }
    }

    public Escalation {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        if (dedupKey.isBlank() || dedupKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a dedup key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (summary.isBlank()) {
            throw new IllegalArgumentException("an escalation needs a summary");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The dedup key of the alert with {@code fingerprint}. */
    public static String alertKey(String fingerprint) {
        return "switchboard-alert-" + Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The dedup key of the alert group {@code groupId}. */
    public static String groupKey(String groupId) {
        return "switchboard-group-" + Objects.requireNonNull(groupId, "groupId");
    }

    /**
     * Pages about one alert: keyed by its fingerprint, titled by its summary (else its name), from its
     * {@code instance} label (else its {@code job}, else its sender), component its {@code service} or {@code job}
     * label, group its {@code cluster} or {@code namespace} label, class its name; details are its labels and
     * annotations ({@code annotation.<name>}), links its links.
     */
    public static Escalation forAlert(Alert alert) {
        Map<String, String> labels = alert.labels();
        String summary = alert.summary() != null && !alert.summary().isBlank() ? alert.summary() : alert.name();
        String source = first(labels, "instance", "job");
        Map<String, String> details = new LinkedHashMap<>(labels);
        alert.annotations().forEach((name, value) -> details.put("annotation." + name, value));
        return new Escalation(alertKey(alert.fingerprint()), summary, source != null ? source : alert.source(),
                Severity.fromLabel(alert.severity()), first(labels, "service", "job"),
                first(labels, "cluster", "namespace"), alert.name(), details, alert.links());
    }

    /** Pages about an alert group as one incident, keyed by the group's id, with its common labels as details. */
    public static Escalation forGroup(String groupId, String summary, Severity severity,
            Map<String, String> commonLabels) {
        String source = first(commonLabels, "instance", "job", "cluster");
        return new Escalation(groupKey(groupId), summary, source != null ? source : "switchboard", severity,
                first(commonLabels, "service", "job"), first(commonLabels, "cluster", "namespace"),
                commonLabels.get("alertname"), commonLabels, List.of());
    }

    private static String first(Map<String, String> labels, String... names) {
        for (String name : names) {
            String value = labels.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
