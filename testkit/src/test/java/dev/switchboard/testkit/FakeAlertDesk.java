package dev.switchboard.testkit;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An alert desk in memory for incident tests: alert groups added by {@link #group}, found by {@code group <id>}, a
 * bare group id, or the fingerprint of one of their alerts. The alert commands are not part of these tests and
 * answer so. Thread-safe.
 */
final class FakeAlertDesk implements AlertDesk {
    private static final Instant T0 = Instant.parse("2026-11-05T09:58:00Z");

    private final Map<String, AlertSet> groups = new ConcurrentHashMap<>();

    /** Adds group {@code id} whose alerts have the given names, fingerprints {@code <id>-1}, {@code <id>-2}, .... */
    FakeAlertDesk group(String id, String title, String... names) {
        List<Alert> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            alerts.add(new Alert("alertmanager", "am", id + "-" + (i + 1), names[i], "critical", Alert.Status.FIRING,
                    Map.of("alertname", names[i], "cluster", "eu-1"), Map.of(), names[i] + " in eu-1", List.of(), T0,
                    null, T0));
        }
        groups.put(id, new AlertSet("group " + id, title, "critical", alerts));
        return this;
    }

    @Override
    public Optional<AlertSet> find(String ref) {
        String id = ref.startsWith("group ") ? ref.substring("group ".length()) : ref;
        if (groups.containsKey(id)) {
            return Optional.of(groups.get(id));
        }
        return groups.values().stream().flatMap(g -> g.alerts().stream()).filter(a -> a.fingerprint().equals(ref))
                .findFirst().map(a -> new AlertSet("alert " + a.fingerprint(), a.name(), a.severity(), List.of(a)));
    }

    @Override
    public Reply alerts(String request, Asker asker) {
        return notHere();
    }

    @Override
    public Reply ack(String request, Asker asker) {
        return notHere();
    }

    @Override
    public Reply silence(String request, Asker asker) {
        return notHere();
    }

    @Override
    public Reply unsilence(String request, Asker asker) {
        return notHere();
    }

    @Override
    public Reply escalate(String request, Asker asker) {
        return notHere();
    }

    private static Reply notHere() {
        return Reply.text("the fake alert desk answers only incident lookups");
    }
}
