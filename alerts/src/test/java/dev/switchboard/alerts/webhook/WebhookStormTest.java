package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.Hooks.TOKEN;
import static dev.switchboard.alerts.webhook.Hooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Alert storms: every alert of a huge payload, or of many payloads, is stored, none twice, none lost. */
class WebhookStormTest {
    private static final Instant T0 = Instant.parse("2026-11-26T15:00:00Z");

    /** An Alertmanager payload of {@code count} alerts, numbered from {@code first}, some resolved (seeded). */
    private static String payload(Random random, int first, int count, List<String> resolved) {
        StringBuilder json = new StringBuilder("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"sb\",\"alerts\":[");
        for (int i = first; i < first + count; i++) {
            boolean isResolved = random.nextInt(8) == 0;
            String fingerprint = String.format("%016x", 0x5eed0000L + i);
            if (isResolved) {
                resolved.add(fingerprint);
            }
            Instant start = T0.plusSeconds(random.nextInt(7200));
            json.append(i == first ? "" : ",").append("{\"status\":\"").append(isResolved ? "resolved" : "firing")
                    .append("\",\"labels\":{\"alertname\":\"Storm").append(random.nextInt(20))
                    .append("\",\"instance\":\"host").append(i).append(":9100\",\"severity\":\"")
                    .append(random.nextBoolean() ? "critical" : "warning").append("\"},")
                    .append("\"annotations\":{\"summary\":\"node ").append(i).append(" is unhappy\"},")
                    .append("\"startsAt\":\"").append(start).append("\",\"endsAt\":\"")
                    .append(isResolved ? start.plusSeconds(60).toString() : "0001-01-01T00:00:00Z")
                    .append("\",\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"")
                    .append(fingerprint).append("\"}");
        }
        return json.append("],\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"truncatedAlerts\":0}")
                .toString();
    }

    @Test
    void tenThousandAlertsInOnePayloadAreAllStored() {
        Hooks hooks = new Hooks(ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN))
                .withMaxBytes(16L << 20));
        List<String> resolved = new ArrayList<>();
        String body = payload(new Random(42L), 0, 10_000, resolved);

        HookAnswer answer = hooks.alertmanager(utf8(body));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Hooks.field(answer, "alerts")).isEqualTo("10000");
        assertThat(Hooks.field(answer, "resolved")).isEqualTo(String.valueOf(resolved.size()));
        assertThat(hooks.store.firing()).hasSize(10_000 - resolved.size());
        assertThat(resolved).allSatisfy(fp -> assertThat(hooks.store.find(fp).map(Alert::firing)).contains(false));
        assertThat(hooks.acceptances()).singleElement().satisfies(accepted ->
                assertThat(accepted.alerts()).hasSize(10_000));
    }

    @Test
    void aHundredPayloadsOfAHundredAlertsAreAllStoredUnderTheDefaultLimit() {
        Hooks hooks = Hooks.standard();
        Random random = new Random(7L);
        List<String> resolved = new ArrayList<>();

        for (int batch = 0; batch < 100; batch++) {
            byte[] body = utf8(payload(random, batch * 100, 100, resolved));
            assertThat(body.length).isLessThan((int) ReceiverConfig.DEFAULT_MAX_BYTES);
            assertThat(hooks.alertmanager(body).status()).isEqualTo(200);
        }

        assertThat(hooks.store.firing()).hasSize(10_000 - resolved.size());
        assertThat(hooks.acceptances()).hasSize(100);
        assertThat(hooks.acceptances().stream().mapToInt(a -> a.stored().total()).sum()).isEqualTo(10_000);
    }
}
