package dev.switchboard.alerts.routing;

import dev.switchboard.alerts.webhook.LabelFingerprint;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds alerts the way the webhook receivers normalise them: fingerprint from the labels. */
final class TestAlerts {
    static final ConversationRef OPS = ConversationRef.of("slack", "#ops");
    static final ConversationRef INCIDENTS = ConversationRef.of("slack", "#incidents");

    private TestAlerts() {}

    /** A firing alert named {@code name} with {@code labels} given as name, value, name, value... */
    static Alert firing(Instant at, String name, String... labels) {
        return alert(Alert.Status.FIRING, at, at, name, labels);
    }

    /** The same alert as {@link #firing}, resolved at {@code at}. */
    static Alert resolved(Instant startedAt, Instant at, String name, String... labels) {
        return alert(Alert.Status.RESOLVED, startedAt, at, name, labels);
    }

    private static Alert alert(Alert.Status status, Instant startsAt, Instant at, String name, String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("alertname", name);
        for (int i = 0; i + 1 < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        String summary = name + " on " + map.getOrDefault("pod", map.getOrDefault("instance", "?"));
        return new Alert("alertmanager", "alertmanager", LabelFingerprint.of(map), name, map.get("severity"), status,
                map, Map.of("summary", summary), summary, List.of(), startsAt,
                status == Alert.Status.RESOLVED ? at : null, at);
    }
}
