package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.alerts.peer.AlertmanagerPeer;
import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceRequest;
import dev.switchboard.api.alert.SilenceResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Silences on a real Alertmanager (Debian's prometheus-alertmanager, started by scripts/peers/alertmanager.sh):
 * an alert posted to its v2 API is shown suppressed by the silence Switchboard creates, and active again once the
 * silence is expired. Skipped when Alertmanager is not installed, unless {@code CI=true}, where it fails.
 */
class AlertmanagerSilencesIT {
    private static final Duration STATE_CHANGE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private HttpServer sink;
    private URI alertmanager;
    private AlertmanagerSilences silences;

    @BeforeEach
    void start() throws Exception {
        if (!AlertmanagerPeer.installed()) {
            String why = "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("Alertmanager is required in CI (CI=true) but " + why);
            }
            Assumptions.abort("skipping the Alertmanager silences test: " + why);
        }
        // Alertmanager needs a receiver; this one takes every notification and ignores it.
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        String port = AlertmanagerPeer.script(dir, "start",
                Map.of("WEBHOOK_URL", "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook")).strip();
        alertmanager = URI.create("http://127.0.0.1:" + port);
        silences = new AlertmanagerSilences(AlertmanagerConfig.of(alertmanager), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (sink != null) {
            try {
                AlertmanagerPeer.script(dir, "stop", Map.of());
            } finally {
                sink.stop(0);
            }
        }
    }

    @Test
    void aSilenceFromAnAlertsLabelsSuppressesItUntilItIsExpired() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of("alertname", "SwitchboardSilenceIT", "severity", "warning", "run", run);
        postAlert(labels);
        await().atMost(STATE_CHANGE).until(() -> state(run).equals("active"));

        SilenceResult created = silences.create(SilenceRequest.forLabels(labels, Duration.ofHours(1), "alice",
                "disk swap"));
        assertThat(created).isInstanceOf(SilenceResult.Silenced.class);
        String id = ((SilenceResult.Silenced) created).silence().id();

        await().atMost(STATE_CHANGE).until(() -> state(run).equals("suppressed"));
        assertThat(silencedBy(run)).containsExactly(id);
        Silence kept = ((SilenceResult.Silenced) silences.find(id)).silence();
        assertThat(kept.state()).isEqualTo(Silence.State.ACTIVE);
        assertThat(kept.createdBy()).isEqualTo("alice");
        assertThat(kept.comment()).isEqualTo("disk swap (via Switchboard)");
        assertThat(kept.matchers()).isEqualTo(SilenceRequest.forLabels(labels, Duration.ofHours(1), "alice", "")
                .matchers());

        assertThat(silences.expire(id)).isEqualTo(new SilenceResult.Expired(id));
        await().atMost(STATE_CHANGE).until(() -> state(run).equals("active"));
        assertThat(silences.expire(id)).as("expiring twice").isEqualTo(new SilenceResult.Expired(id));
        assertThat(silencedBy(run)).isEmpty();
        assertThat(((SilenceResult.Silenced) silences.find(id)).silence().state()).isEqualTo(Silence.State.EXPIRED);
    }

    @Test
    void aTypedRegexSilenceSuppressesEveryAlertItMatches() throws Exception {
        String run = UUID.randomUUID().toString();
        postAlert(Map.of("alertname", "SwitchboardRegexIT", "cluster", "eu-1", "run", run));
        postAlert(Map.of("alertname", "SwitchboardRegexIT", "cluster", "us-1", "run", run));
        await().atMost(STATE_CHANGE).until(() -> states(run).size() == 2);

        var typed = (MatcherSyntax.Parsed.Matchers) MatcherSyntax.parse(
                "alertname=SwitchboardRegexIT cluster=~\"eu-.*\" run=\"" + run + "\"");
        SilenceResult created = silences.create(new SilenceRequest(typed.matchers(), Duration.ofMinutes(10), "bob",
                "eu maintenance"));
        String id = ((SilenceResult.Silenced) created).silence().id();

        await().atMost(STATE_CHANGE).until(() -> states(run).equals(Map.of("eu-1", "suppressed", "us-1", "active")));
        assertThat(silences.expire(id)).isEqualTo(new SilenceResult.Expired(id));
    }

    @Test
    void anUnknownSilenceIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(silences.find(unknown)).isEqualTo(new SilenceResult.NotFound(unknown));
        assertThat(silences.expire(unknown)).isEqualTo(new SilenceResult.NotFound(unknown));
    }

    private void postAlert(Map<String, String> labels) throws IOException, InterruptedException {
        String body = "[{\"labels\":" + JSON.writeValueAsString(labels)
                + ",\"annotations\":{\"summary\":\"silence me\"}}]";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(alertmanager.resolve("/api/v2/alerts"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager took the alert: %s", response.body()).isEqualTo(200);
    }

    /** Our alerts, by {@code cluster} label (empty key without one), each with its {@code status}. */
    private List<JsonNode> alerts(String run) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        alertmanager.resolve("/api/v2/alerts?filter=" + filter)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /api/v2/alerts: %s", response.body()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        JSON.readTree(response.body()).forEach(alerts::add);
        return alerts;
    }

    private String state(String run) throws IOException, InterruptedException {
        List<JsonNode> alerts = alerts(run);
        return alerts.size() == 1 ? alerts.getFirst().get("status").get("state").asString() : "absent";
    }

    private Map<String, String> states(String run) throws IOException, InterruptedException {
        Map<String, String> states = new java.util.TreeMap<>();
        for (JsonNode alert : alerts(run)) {
            states.put(alert.get("labels").path("cluster").asString(""), alert.get("status").get("state").asString());
        }
        return states;
    }

    private List<String> silencedBy(String run) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        alerts(run).getFirst().get("status").get("silencedBy").forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
