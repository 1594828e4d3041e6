package dev.switchboard.alerts.webhook;

import dev.switchboard.api.alert.Alert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON tree for the payload parsers, throwing {@link Problem} with the field's path and
 * what was expected when one does not fit. Stateless.
 */
final class PayloadFields {
    /** Quoted values in messages are cut here: enough to recognise, too short to flood a log. */
    private static final int QUOTE_LIMIT = 60;
    /** Go's zero time, which Alertmanager sends as the end of an alert still firing. */
    private static final int ZERO_YEAR = 1;

    private PayloadFields() {}

    /** A field that is not what was expected; caught by the parser and turned into {@link Parsed.Invalid}. */
    static final class Problem extends RuntimeException {
        Problem(String path, String expected, JsonNode got) {
            super(path + ": expected " + expected + ", got " + describe(got), null, false, false);
        }
    }

    static Problem problem(String path, String expected, JsonNode got) {
        return new Problem(path, expected, got);
    }

    /** The object at {@code node}, or a problem. */
    static JsonNode object(String path, JsonNode node, String expected) {
        if (node == null || !node.isObject()) {
            throw problem(path, expected, node);
        }
        return node;
    }

    /** A non-empty string, or a problem. */
    static String requiredString(String path, JsonNode node) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw problem(path, "a non-empty string", node);
        }
        return node.stringValue();
    }

    /** The string at {@code node}; null when absent, null or blank; a problem when it is not a string. */
    static String optionalString(String path, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw problem(path, "a string", node);
        }
        return node.stringValue().isBlank() ? null : node.stringValue();
    }

    /** Like {@link #optionalString} but numbers and booleans are taken as their text too. */
    static String optionalScalar(String path, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            throw problem(path, "a string, number or boolean", node);
        }
        String text = node.asString();
        return text.isBlank() ? null : text;
    }

    /**
     * An object of strings (or, with {@code scalars}, of numbers and booleans as text); empty when absent or null.
     */
    static Map<String, String> stringMap(String path, JsonNode node, boolean scalars) {
        if (absent(node)) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw problem(path, "an object of " + (scalars ? "names to values" : "names to strings"), node);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            boolean fits = value.isString() || scalars && value.isValueNode() && !value.isNull();
            if (!fits) {
                throw problem(path + "." + entry.getKey(), scalars ? "a string, number or boolean" : "a string",
                        value);
            }
            map.put(entry.getKey(), value.asString());
        }
        return map;
    }

    /** An RFC 3339 time; null when absent, null, empty or Go's zero time (year 1). */
    static Instant optionalTime(String path, JsonNode node) {
        if (absent(node) || node.isString() && node.stringValue().isBlank()) {
            return null;
        }
        if (!node.isString()) {
            throw problem(path, "an RFC 3339 time such as 2026-11-26T15:31:32Z", node);
        }
        try {
            OffsetDateTime time = Rfc3339.parse(node.stringValue());
            return time.getYear() <= ZERO_YEAR ? null : time.toInstant();
        } catch (DateTimeParseException e) {
            throw problem(path, "an RFC 3339 time such as 2026-11-26T15:31:32Z", node);
        }
    }

    /** A required RFC 3339 time. */
    static Instant requiredTime(String path, JsonNode node) {
        Instant time = optionalTime(path, node);
        if (time == null) {
            throw problem(path, "an RFC 3339 time such as 2026-11-26T15:31:32Z", node);
        }
        return time;
    }

    /** {@code firing} or {@code resolved}, exactly as Alertmanager and Grafana write them. */
    static Alert.Status status(String path, JsonNode node) {
        if (node != null && node.isString()) {
            switch (node.stringValue()) {
                case "firing" -> {
                    return Alert.Status.FIRING;
                }
                case "resolved" -> {
                    return Alert.Status.RESOLVED;
                }
                default -> { }
            }
        }
        throw problem(path, "\"firing\" or \"resolved\"", node);
    }

    /** Adds {@code url} as a link titled {@code title} if it is an absolute http(s) URL; other schemes are dropped. */
    static void addLink(List<Alert.Link> links, String title, String url) {
        if (url == null) {
            return;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        // Links end up in chat and the web UI: javascript:, data: and the like must never become clickable.
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            links.add(new Alert.Link(title, url.strip()));
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        String text = node.isString() ? "\"" + node.stringValue() + "\"" : node.asString();
        return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "...\"" : text;
    }
}
