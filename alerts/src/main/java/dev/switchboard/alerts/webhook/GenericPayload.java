package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.PayloadFields.absent;
import static dev.switchboard.alerts.webhook.PayloadFields.addLink;
import static dev.switchboard.alerts.webhook.PayloadFields.object;
import static dev.switchboard.alerts.webhook.PayloadFields.optionalScalar;
import static dev.switchboard.alerts.webhook.PayloadFields.optionalTime;
import static dev.switchboard.alerts.webhook.PayloadFields.problem;
import static dev.switchboard.alerts.webhook.PayloadFields.stringMap;

import dev.switchboard.api.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads alerts out of any JSON with a receiver's {@link GenericMapping}. Fields are named in messages by their JSON
 * Pointer in the body ({@code /items/2/state}). The alert's name is added as the {@code alertname} label when the
 * labels lack one, so every alert can be matched by name the same way. Stateless, thread-safe.
 */
final class GenericPayload {
    private GenericPayload() {}

    static Parsed parse(JsonNode root, ReceiverConfig receiver, Instant receivedAt) {
        GenericMapping mapping = receiver.mapping();
        try {
            List<Alert> alerts = new ArrayList<>();
            if (mapping.alerts().isEmpty()) {
                object("the body", root, "a JSON object (one alert)");
                alerts.add(alert("", root, receiver, receivedAt));
            } else {
                JsonNode list = root.at(mapping.alerts());
                if (list.isObject()) {
                    alerts.add(alert(mapping.alerts(), list, receiver, receivedAt));
                } else if (list.isArray()) {
                    int index = 0;
                    for (JsonNode alert : list) {
                        String path = mapping.alerts() + "/" + index++;
                        alerts.add(alert(path, object(path, alert, "an alert object"), receiver, receivedAt));
                    }
                } else {
                    throw problem(mapping.alerts(), "an array of alerts", list);
                }
            }
            return new Parsed.Alerts(alerts, 0);
        } catch (PayloadFields.Problem problem) {
            return new Parsed.Invalid(problem.getMessage());
        }
    }

    private static Alert alert(String path, JsonNode node, ReceiverConfig receiver, Instant receivedAt) {
        GenericMapping mapping = receiver.mapping();
        String name = optionalScalar(path + mapping.name(), node.at(mapping.name()));
        if (name == null) {
            throw problem(path + mapping.name(), "the alert's name (a non-empty string)", node.at(mapping.name()));
        }
        Alert.Status status = status(path, node, mapping);
        Map<String, String> labels = new LinkedHashMap<>(
                stringMap(path + orEmpty(mapping.labels()), field(node, mapping.labels()), true));
        labels.putIfAbsent("alertname", name);
        String fingerprint = optionalScalar(path + orEmpty(mapping.fingerprint()),
                field(node, mapping.fingerprint()));
        if (fingerprint == null) {
            fingerprint = LabelFingerprint.of(labels);
        }
        String severity = optionalScalar(path + orEmpty(mapping.severity()), field(node, mapping.severity()));
        String summary = optionalScalar(path + orEmpty(mapping.summary()), field(node, mapping.summary()));
        Instant startsAt = optionalTime(path + orEmpty(mapping.startsAt()), field(node, mapping.startsAt()));
        Instant endsAt = optionalTime(path + orEmpty(mapping.endsAt()), field(node, mapping.endsAt()));
        if (startsAt == null) {
            startsAt = receivedAt;
        }
        if (status == Alert.Status.RESOLVED && endsAt == null) {
            endsAt = receivedAt;
        }
        List<Alert.Link> links = links(path + orEmpty(mapping.links()), field(node, mapping.links()));
        return new Alert(ReceiverKind.GENERIC.wireName(), receiver.name(), fingerprint, name, severity, status,
                labels, Map.of(), summary, links, startsAt, endsAt, receivedAt);
    }

    private static Alert.Status status(String path, JsonNode node, GenericMapping mapping) {
        if (mapping.status() == null) {
            return Alert.Status.FIRING;
        }
        JsonNode value = node.at(mapping.status());
        String text = optionalScalar(path + mapping.status(), value);
        Alert.Status status = text == null ? null : mapping.statusValues().get(text.toLowerCase(Locale.ROOT));
        if (status == null) {
            List<String> known = mapping.statusValues().keySet().stream().sorted()
                    .map(word -> "\"" + word + "\"").toList();
            throw problem(path + mapping.status(), "one of " + String.join(", ", known), value);
        }
        return status;
    }

    /** A URL, an array of URLs, or an array of {"title", "url"} objects; only http(s) URLs are kept. */
    private static List<Alert.Link> links(String path, JsonNode node) {
        List<Alert.Link> links = new ArrayList<>();
        if (absent(node)) {
            return links;
        }
        if (node.isString()) {
            addLink(links, "link", node.stringValue());
            return links;
        }
        if (!node.isArray()) {
            throw problem(path, "a URL, an array of URLs, or an array of {\"title\", \"url\"} objects", node);
        }
        int index = 0;
        for (JsonNode link : node) {
            String at = path + "/" + index++;
            if (link.isString()) {
                addLink(links, "link", link.stringValue());
            } else if (link.isObject() && link.path("url").isString()) {
                String title = optionalScalar(at + "/title", link.get("title"));
                addLink(links, title == null ? "link" : title, link.get("url").stringValue());
            } else {
                throw problem(at, "a URL or a {\"title\", \"url\"} object", link);
            }
        }
        return links;
    }

    private static JsonNode field(JsonNode node, String pointer) {
        return pointer == null ? null : node.at(pointer);
    }

    private static String orEmpty(String pointer) {
        return pointer == null ? "" : pointer;
    }
}
