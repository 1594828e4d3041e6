package dev.switchboard.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.alerts.peer.AlertmanagerPeer;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore.Transition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager, started by scripts/peers/alertmanager.sh) posts to a
 * loopback HTTP server that hands each request to {@link WebhookReceivers}, with a bearer token. Skipped when
 * Alertmanager is not installed, unless {@code CI=true}, where it fails.
 */
class AlertmanagerWebhookIT {
    private static final String TOKEN = "it-Bearer-" + UUID.randomUUID();
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final List<HookEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private HttpServer server;
    private int alertmanagerPort;

    @BeforeEach
    void start() throws Exception {
        if (!AlertmanagerPeer.installed()) {
            String why = "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("Alertmanager is required in CI (CI=true) but " + why);
            }
            Assumptions.abort("skipping the Alertmanager webhook test: " + why);
        }
        WebhookReceivers receivers = new WebhookReceivers(
                List.of(ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN))), store,
                Clock.systemUTC(), events::add);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/alertmanager", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HookAnswer answer = receivers.handle("alertmanager", null, headers, body);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", HookAnswer.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        });
        server.start();
        alertmanagerPort = Integer.parseInt(AlertmanagerPeer.script(dir, "start", Map.of(
                "WEBHOOK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alertmanager",
                "WEBHOOK_BEARER", TOKEN)).strip());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            try {
                AlertmanagerPeer.script(dir, "stop", Map.of());
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void anAlertPostedToAlertmanagerIsStoredFiringThenResolved() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(30);

        post(alert(run, start, null));
        await().atMost(DELIVERY).until(() -> !ours(run).isEmpty());
        Alert firing = ours(run).getFirst();
        assertThat(firing.firing()).isTrue();
        assertThat(firing.name()).isEqualTo("SwitchboardIT");
        assertThat(firing.severity()).isEqualTo("critical");
        assertThat(firing.summary()).isEqualTo("real alertmanager delivery");
        assertThat(firing.links()).extracting(Alert.Link::url).containsExactly("http://127.0.0.1:9090/graph?g0.expr=up");
        assertThat(firing.fingerprint()).hasSize(16);

        post(alert(run, start, Instant.now().minusSeconds(1)));
        await().atMost(DELIVERY).until(() -> !store.find(firing.fingerprint()).orElseThrow().firing());

        assertThat(store.history(firing.fingerprint())).extracting(Transition::status)
                .containsExactly(Alert.Status.FIRING, Alert.Status.RESOLVED);
        assertThat(events).allMatch(event -> event instanceof HookEvent.Accepted);
    }

    private List<Alert> ours(String run) {
        return store.query(AlertQuery.latest(10).withLabel("run", run));
    }

    private static String alert(String run, Instant startsAt, Instant endsAt) {
        return "[{\"labels\":{\"alertname\":\"SwitchboardIT\",\"severity\":\"critical\",\"run\":\"" + run + "\"},"
                + "\"annotations\":{\"summary\":\"real alertmanager delivery\"},"
                + "\"generatorURL\":\"http://127.0.0.1:9090/graph?g0.expr=up\","
                + "\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + "}]";
    }

    private void post(String alerts) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alerts)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager took the alert: %s", response.body()).isEqualTo(200);
    }
}
