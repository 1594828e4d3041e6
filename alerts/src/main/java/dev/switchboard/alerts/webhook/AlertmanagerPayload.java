package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.PayloadFields.absent;
import static dev.switchboard.alerts.webhook.PayloadFields.addLink;
import static dev.switchboard.alerts.webhook.PayloadFields.object;
import static dev.switchboard.alerts.webhook.PayloadFields.optionalString;
import static dev.switchboard.alerts.webhook.PayloadFields.optionalTime;
import static dev.switchboard.alerts.webhook.PayloadFields.problem;
import static dev.switchboard.alerts.webhook.PayloadFields.requiredTime;
import static dev.switchboard.alerts.webhook.PayloadFields.status;
import static dev.switchboard.alerts.webhook.PayloadFields.stringMap;

import dev.switchboard.api.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Alertmanager webhook payload (version 4) and Grafana alerting's, which extends it. Each alert needs a
 * status, at least one label and a start time; the name is the {@code alertname} label, the severity the
 * {@code severity} label, the summary the {@code summary} (else {@code description}) annotation. Links are the
 * generator URL, Grafana's dashboard, panel and silence URLs and a {@code runbook_url} annotation, when they are
 * http(s). Grafana's {@code values} become a {@code values} annotation ({@code B=44.2, C=1}). A resolved alert
 * without an end time ends when it is received. Stateless, thread-safe.
 */
final class AlertmanagerPayload {
    private static final String ALERTMANAGER_VERSION = "4";
    private static final String SHAPE = "a JSON object with an \"alerts\" array";

    private AlertmanagerPayload() {}

    static Parsed parse(JsonNode root, ReceiverConfig receiver, Instant receivedAt) {
        boolean grafana = receiver.kind() == ReceiverKind.GRAFANA;
        try {
            object("the body", root, SHAPE);
            JsonNode version = root.get("version");
            if (!grafana && !absent(version) && !ALERTMANAGER_VERSION.equals(version.asString())) {
                throw problem("version", "\"4\" (the Alertmanager webhook payload this receiver reads)", version);
            }
            JsonNode alerts = root.get("alerts");
            if (alerts == null || !alerts.isArray()) {
                throw problem("alerts", "an array of alerts", alerts);
            }
            List<Alert> parsed = new ArrayList<>(alerts.size());
            int index = 0;
            for (JsonNode alert : alerts) {
                parsed.add(alert("alerts[" + index++ + "]", alert, receiver, grafana, receivedAt));
            }
            return new Parsed.Alerts(parsed, truncated(root.get("truncatedAlerts")));
        } catch (PayloadFields.Problem problem) {
            return new Parsed.Invalid(problem.getMessage());
        }
    }

    private static Alert alert(String path, JsonNode node, ReceiverConfig receiver, boolean grafana,
            Instant receivedAt) {
        object(path, node, "an alert object");
        Alert.Status status = status(path + ".status", node.get("status"));
        Map<String, String> labels = stringMap(path + ".labels", node.get("labels"), false);
        if (labels.isEmpty()) {
            throw problem(path + ".labels", "an object with at least one label", node.get("labels"));
        }
        Map<String, String> annotations = new LinkedHashMap<>(
                stringMap(path + ".annotations", node.get("annotations"), false));
        Instant startsAt = requiredTime(path + ".startsAt", node.get("startsAt"));
        Instant endsAt = optionalTime(path + ".endsAt", node.get("endsAt"));
        if (status == Alert.Status.RESOLVED && endsAt == null) {
            endsAt = receivedAt;
        }
        String fingerprint = optionalString(path + ".fingerprint", node.get("fingerprint"));
        if (fingerprint == null) {
            fingerprint = LabelFingerprint.of(labels);
        }
        List<Alert.Link> links = new ArrayList<>();
        addLink(links, "source", optionalString(path + ".generatorURL", node.get("generatorURL")));
        if (grafana) {
            addLink(links, "dashboard", optionalString(path + ".dashboardURL", node.get("dashboardURL")));
            addLink(links, "panel", optionalString(path + ".panelURL", node.get("panelURL")));
            addLink(links, "silence", optionalString(path + ".silenceURL", node.get("silenceURL")));
            values(path + ".values", node.get("values"), annotations);
        }
        addLink(links, "runbook", annotations.get("runbook_url"));
        String summary = annotations.getOrDefault("summary", annotations.get("description"));
        String name = labels.getOrDefault("alertname", fingerprint);
        return new Alert(receiver.kind().wireName(), receiver.name(), fingerprint, name, labels.get("severity"),
                status, labels, annotations, summary, links, startsAt, endsAt, receivedAt);
    }

    /** Grafana's query values ({@code {"B": 44.2, "C": 1}}) as one readable annotation, unless one is there. */
    private static void values(String path, JsonNode node, Map<String, String> annotations) {
        if (absent(node) || annotations.containsKey("values")) {
            return;
        }
        Map<String, String> values = stringMap(path, node, true);
        if (!values.isEmpty()) {
            StringJoiner text = new StringJoiner(", ");
            values.forEach((ref, value) -> text.add(ref + "=" + value));
            annotations.put("values", text.toString());
        }
    }

    private static int truncated(JsonNode node) {
        if (absent(node)) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw problem("truncatedAlerts", "a whole number of at least 0", node);
        }
        return node.intValue();
    }
}
