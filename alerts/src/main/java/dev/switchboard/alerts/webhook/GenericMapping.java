package dev.switchboard.alerts.webhook;

import dev.switchboard.api.alert.Alert;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonPointer;

/**
 * Where a generic receiver finds each field, as JSON Pointers (RFC 6901). {@code alerts} points at the array of
 * alerts in the body ({@code ""}: the body is one alert); every other pointer is relative to one alert. Only
 * {@code name} is required; a null pointer means the field is not sent:
 * <ul>
 *   <li>{@code status}: the value is looked up in {@code statusValues} (case-insensitive), which always knows
 *       {@code firing} and {@code resolved}; no pointer means every alert fires;</li>
 *   <li>{@code labels}: an object of scalars; {@code fingerprint}: computed from the labels and name when absent;</li>
 *   <li>{@code links}: a URL, an array of URLs, or an array of {@code {"title", "url"}} objects;</li>
 *   <li>{@code startsAt}, {@code endsAt}: RFC 3339 times; when absent, the time of receipt.</li>
 * </ul>
 * Pointers are checked when the mapping is built, so a typo fails at start-up, not at the first alert.
 */
public record GenericMapping(String alerts, String name, String status, Map<String, Alert.Status> statusValues,
        String severity, String labels, String fingerprint, String summary, String links, String startsAt,
        String endsAt) {

    public GenericMapping {
        alerts = alerts == null ? "" : alerts;
        check("alerts", alerts);
        Objects.requireNonNull(name, "name");
        check("name", name);
        for (String[] field : new String[][] {{"status", status}, {"severity", severity}, {"labels", labels},
                {"fingerprint", fingerprint}, {"summary", summary}, {"links", links}, {"startsAt", startsAt},
                {"endsAt", endsAt}}) {
            if (field[1] != null) {
                check(field[0], field[1]);
            }
        }
        Map<String, Alert.Status> values = new HashMap<>();
        values.put("firing", Alert.Status.FIRING);
        values.put("resolved", Alert.Status.RESOLVED);
        if (statusValues != null) {
            statusValues.forEach((text, mapped) -> values.put(text.toLowerCase(Locale.ROOT),
                    Objects.requireNonNull(mapped, "status value for " + text)));
        }
        statusValues = Map.copyOf(values);
    }

    private static void check(String field, String pointer) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mapping." + field + ": '" + pointer + "' is not a JSON Pointer"
                    + " (expected \"\" or a path like /labels/severity)", e);
        }
    }

    /** A mapping where only the name is known; add the rest with the {@code with...} methods. */
    public static GenericMapping named(String alertsPointer, String namePointer) {
        return new GenericMapping(alertsPointer, namePointer, null, null, null, null, null, null, null, null, null);
    }

    public GenericMapping withStatus(String pointer, Map<String, Alert.Status> values) {
        return new GenericMapping(alerts, name, pointer, values, severity, labels, fingerprint, summary, links,
                startsAt, endsAt);
    }

    public GenericMapping withSeverity(String pointer) {
        return new GenericMapping(alerts, name, status, statusValues, pointer, labels, fingerprint, summary, links,
                startsAt, endsAt);
    }

    public GenericMapping withLabels(String pointer) {
        return new GenericMapping(alerts, name, status, statusValues, severity, pointer, fingerprint, summary, links,
                startsAt, endsAt);
    }

    public GenericMapping withFingerprint(String pointer) {
        return new GenericMapping(alerts, name, status, statusValues, severity, labels, pointer, summary, links,
                startsAt, endsAt);
    }

    public GenericMapping withSummary(String pointer) {
        return new GenericMapping(alerts, name, status, statusValues, severity, labels, fingerprint, pointer, links,
                startsAt, endsAt);
    }

    public GenericMapping withLinks(String pointer) {
        return new GenericMapping(alerts, name, status, statusValues, severity, labels, fingerprint, summary, pointer,
                startsAt, endsAt);
    }

    public GenericMapping withTimes(String startsAtPointer, String endsAtPointer) {
        return new GenericMapping(alerts, name, status, statusValues, severity, labels, fingerprint, summary, links,
                startsAtPointer, endsAtPointer);
    }
}
