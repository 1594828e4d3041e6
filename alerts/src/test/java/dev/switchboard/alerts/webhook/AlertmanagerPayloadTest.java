package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.Hooks.payload;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Alert.Link;
import dev.switchboard.api.alert.Alert.Status;
import dev.switchboard.api.alert.AlertStore.Transition;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real Alertmanager 0.25 and Grafana webhook payloads, read into normalised alerts. */
class AlertmanagerPayloadTest {
    private final Hooks hooks = Hooks.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            alertmanager-firing.json,                10fd2ebfb5d5241b, DiskFull,     critical, FIRING, Disk on host1 is 95% full, 2026-11-26T15:31:32.833911777Z
            alertmanager-from-prometheus-rule.json,  32a2ddd10fadf757, AlwaysFiring, info,     FIRING, test alert from prometheus rule, 2026-11-26T15:32:36.009Z
            alertmanager-after-silence-expired.json, 257c831f347cd53c, Silenced,     warning,  FIRING, should be muted, 2026-11-26T15:31:34.876937199Z
            alertmanager-resolved.json,              10fd2ebfb5d5241b, DiskFull,     critical, RESOLVED, Disk on host1 is 95% full, 2026-11-26T15:31:32.833911777Z
            """)
    void everyRealAlertmanagerPayloadIsStoredAsOneNormalisedAlert(String file, String fingerprint, String name,
            String severity, Status status, String summary, Instant startsAt) {
        HookAnswer answer = hooks.alertmanager(payload(file));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"accepted\"", "\"alerts\":1");
        Alert stored = hooks.store.find(fingerprint).orElseThrow();
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.severity()).isEqualTo(severity);
        assertThat(stored.status()).isEqualTo(status);
        assertThat(stored.summary()).isEqualTo(summary);
        assertThat(stored.startsAt()).isEqualTo(startsAt);
        assertThat(stored.source()).isEqualTo("alertmanager");
        assertThat(stored.receiver()).isEqualTo("alertmanager");
        assertThat(stored.receivedAt()).isEqualTo(hooks.clock.instant());
        assertThat(stored.endsAt() == null).isEqualTo(status == Status.FIRING);
    }

    @Test
    void aFiringAlertKeepsItsLabelsAnnotationsAndGeneratorLink() {
        hooks.alertmanager(payload("alertmanager-firing.json"));

        Alert stored = hooks.store.find("10fd2ebfb5d5241b").orElseThrow();
        assertThat(stored.labels()).containsExactly(Map.entry("alertname", "DiskFull"),
                Map.entry("instance", "host1:9100"), Map.entry("job", "node"), Map.entry("severity", "critical"));
        assertThat(stored.annotations()).containsEntry("description", "root fs above threshold");
        assertThat(stored.links()).containsExactly(new Link("source", "http://127.0.0.1:9090/graph?g0.expr=disk"));
        assertThat(stored.endsAt()).as("Go's zero time means no end yet").isNull();
    }

    @Test
    void firingThenResolvedThenFiringAgainIsKeptAsHistory() {
        hooks.alertmanager(payload("alertmanager-firing.json"));
        hooks.alertmanager(payload("alertmanager-resolved.json"));
        String again = new String(payload("alertmanager-firing.json"), UTF_8)
                .replace("2026-11-26T15:31:32.833911777Z", "2026-11-26T17:00:00Z");
        HookAnswer third = hooks.alertmanager(Hooks.utf8(again));

        assertThat(third.body()).contains("\"opened\":1");
        assertThat(hooks.store.history("10fd2ebfb5d5241b")).extracting(Transition::status, Transition::at)
                .containsExactly(
                        tuple(Status.FIRING, Instant.parse("2026-11-26T15:31:32.833911777Z")),
                        tuple(Status.RESOLVED, Instant.parse("2026-11-26T15:31:32.871409Z")),
                        tuple(Status.FIRING, Instant.parse("2026-11-26T17:00:00Z")));
        assertThat(hooks.acceptances()).hasSize(3);
    }

    @Test
    void aGrafanaPayloadGivesBothAlertsWithTheirLinksAndValues() {
        HookAnswer answer = hooks.grafana(payload("grafana-firing.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"alerts\":2", "\"opened\":1", "\"resolved\":1");
        Alert latency = hooks.store.find("7d3f0c2b91a4e655").orElseThrow();
        assertThat(latency.source()).isEqualTo("grafana");
        assertThat(latency.startsAt()).as("offset +01:00 is converted").isEqualTo(
                Instant.parse("2026-11-26T15:02:10.5Z"));
        assertThat(latency.links()).extracting(Link::title)
                .containsExactly("source", "dashboard", "panel", "silence", "runbook");
        assertThat(latency.annotations()).containsEntry("values", "A=812.5, C=1");
        Alert errors = hooks.store.find("a0b1c2d3e4f50617").orElseThrow();
        assertThat(errors.status()).isEqualTo(Status.RESOLVED);
        assertThat(errors.summary()).as("description stands in for a missing summary")
                .isEqualTo("5xx ratio back under 1%");
        assertThat(errors.links()).as("a javascript: link is never kept").isEmpty();
        assertThat(errors.endsAt()).isEqualTo(Instant.parse("2026-11-26T15:05:00Z"));
    }

    @Test
    void anAlertWithoutAFingerprintGetsOneFromItsLabelsWhateverTheirOrder() {
        String one = """
                {"version":"4","status":"firing","alerts":[{"status":"firing","startsAt":"2026-11-26T15:00:00Z",
                 "labels":{"alertname":"A","job":"x","zone":"eu"}}]}""";
        String other = """
                {"version":"4","status":"firing","alerts":[{"status":"firing","startsAt":"2026-11-26T15:00:00Z",
                 "labels":{"zone":"eu","alertname":"A","job":"x"}}]}""";
        hooks.alertmanager(Hooks.utf8(one));
        HookAnswer second = hooks.alertmanager(Hooks.utf8(other));

        assertThat(second.body()).contains("\"repeated\":1");
        String expected = LabelFingerprint.of(Map.of("alertname", "A", "job", "x", "zone", "eu"));
        assertThat(expected).hasSize(16).isNotEqualTo(LabelFingerprint.of(Map.of("alertname", "A", "job", "x")));
        assertThat(hooks.store.find(expected)).isPresent();
    }

    @Test
    void truncatedAlertsAreReportedToTheSenderAndTheListener() {
        String body = new String(payload("alertmanager-firing.json"), UTF_8)
                .replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": 12");

        HookAnswer answer = hooks.alertmanager(Hooks.utf8(body));

        assertThat(answer.body()).contains("\"truncatedAlerts\":12");
        assertThat(hooks.acceptances().getFirst().truncated()).isEqualTo(12);
    }
}
