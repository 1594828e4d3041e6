package dev.switchboard.alerts.webhook;

import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receivers over an in-memory store, a standing clock and a listener that remembers every event. */
final class Hooks {
    static final String TOKEN = "am-Token-5f1c9e";
    static final String GRAFANA_SECRET = "grafana-Hmac-Secret-77";

    final InMemoryAlertStore store = new InMemoryAlertStore();
    final TestClock clock = new TestClock();
    final List<HookEvent> events = new CopyOnWriteArrayList<>();
    final WebhookReceivers receivers;

    Hooks(ReceiverConfig... configs) {
        receivers = new WebhookReceivers(List.of(configs), store, clock, events::add);
    }

    /** An Alertmanager receiver with a bearer token and a Grafana one with an HMAC-SHA256 signature. */
    static Hooks standard() {
        return new Hooks(ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN)),
                ReceiverConfig.grafana("grafana", grafanaAuth()));
    }

    static WebhookAuth.Hmac grafanaAuth() {
        return new WebhookAuth.Hmac("X-Grafana-Alerting-Signature", WebhookAuth.Algorithm.SHA256, GRAFANA_SECRET,
                "");
    }

    static byte[] payload(String name) {
        try (InputStream in = Hooks.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    static String signature(WebhookAuth.Hmac hmac, byte[] body) {
        return hmac.prefix() + HexFormat.of().formatHex(AuthCheck.mac(hmac, body));
    }

    HookAnswer alertmanager(byte[] body) {
        return receivers.handle("alertmanager", null, bearer(TOKEN), body);
    }

    HookAnswer grafana(byte[] body) {
        WebhookAuth.Hmac hmac = grafanaAuth();
        return receivers.handle("grafana", null, Map.of(hmac.header(), signature(hmac, body)), body);
    }

    List<HookEvent.Refused> refusals() {
        List<HookEvent.Refused> refused = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof HookEvent.Refused r) {
                refused.add(r);
            }
        });
        return refused;
    }

    List<HookEvent.Accepted> acceptances() {
        List<HookEvent.Accepted> accepted = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof HookEvent.Accepted a) {
                accepted.add(a);
            }
        });
        return accepted;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    /** A top-level field of the answer's JSON body, as text. */
    static String field(HookAnswer answer, String name) {
        return JSON.readTree(answer.body()).path(name).asString();
    }

    /** True if the store holds no alert at all. */
    boolean nothingStored() {
        return store.query(dev.switchboard.api.alert.AlertQuery.latest(1)).isEmpty();
    }
}
