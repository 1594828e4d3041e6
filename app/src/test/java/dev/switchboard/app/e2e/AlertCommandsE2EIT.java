package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The must-show test, against a real Alertmanager (Debian's prometheus-alertmanager, run by
 * {@code scripts/peers/alertmanager.sh} on loopback) and a running Switchboard: an alert posted to Alertmanager's
 * API reaches Switchboard's webhook and is posted in the routed web-chat room; {@code ack} marks the group's message;
 * {@code silence group <id> for 1h ...} typed in chat creates a silence Alertmanager reports as active and that
 * suppresses the alert; {@code unsilence <id>} expires it; and the alert's resolve edits the same group message.
 * Skipped when Alertmanager is not installed, unless {@code CI=true}, where it fails.
 */
class AlertCommandsE2EIT {
    private static final String TOKEN = "e2e-am-commands-token-" + UUID.randomUUID();
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern GROUP = Pattern.compile("group: ([a-z][a-z0-9]{5})");
    private static final Pattern SILENCE = Pattern.compile("as ([0-9a-f-]{36})\\.");

    @TempDir
    static Path dir;
    static TestServer server;
    static ScriptedPeer alertmanager;
    static int alertmanagerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void start() throws Exception {
        // Each must name the other's port: Switchboard's is chosen first, then Alertmanager starts posting to it.
        int switchboardPort = TestServer.freePort();
        alertmanager = ScriptedPeer.started("Alertmanager", "alertmanager.sh", "prometheus-alertmanager", Map.of(
                "WEBHOOK_URL", "http://127.0.0.1:" + switchboardPort + "/hooks/alertmanager",
                "WEBHOOK_BEARER", TOKEN));
        alertmanagerPort = alertmanager.port();
        server = TestServer.prepare(dir, "open");
        server.writeFile("am-token", TOKEN);
        server.editConfig(text -> text + "\n" + """
                alerts:
                  receivers:
                    - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
                  defaultRoute: { to: ["web:#alerts"], groupBy: [alertname], groupWait: 100ms, groupInterval: 200ms }
                  budget: { postsPerSecond: 20, burst: 5, maxDelay: 5s }
                  alertmanager: { url: "http://127.0.0.1:%d/" }
                """.formatted(alertmanagerPort));
        server.restartOn(switchboardPort);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (alertmanager != null) {
                alertmanager.close();
            }
        }
    }

    @Test
    void anAlertIsAckedSilencedUnsilencedAndResolvedFromChat() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(30);
        try (WebChatClient alice = server.connect("alice").join("#alerts")) {
            postToAlertmanager(alert(run, start, null));
            Message posted = alice.awaitPosted("SwitchboardCommandsIT");
            Matcher group = GROUP.matcher(posted.latest());
            assertThat(group.find()).as("the group id on %s", posted.latest()).isTrue();
            String id = group.group(1);

            alice.ask("ack group " + id, "Acked group " + id);
            assertThat(alice.awaitLatest(posted.id(), "acked by: alice")).contains("SwitchboardCommandsIT");

            String silenced = alice.ask("silence group " + id + " for 1h deploy in progress", "Silenced|silence");
            Matcher silenceId = SILENCE.matcher(silenced);
            assertThat(silenceId.find()).as("a silence id in: %s", silenced).isTrue();
            String silence = silenceId.group(1);
            assertThat(silenced).startsWith("Silenced 1 alert in group " + id + " until ")
                    .contains("To lift it: unsilence " + silence);

            JsonNode kept = silenceInAlertmanager(silence);
            assertThat(kept.path("status").path("state").asString()).isEqualTo("active");
            assertThat(kept.path("createdBy").asString()).isEqualTo("alice");
            assertThat(kept.path("comment").asString()).contains("deploy in progress");
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(ourAlert(run).path("status").path("state")
                    .asString()).isEqualTo("suppressed"));
            assertThat(ourAlert(run).path("status").path("silencedBy").values())
                    .extracting(JsonNode::asString).containsExactly(silence);

            assertThat(alice.ask("unsilence " + silence, "Expired silence|silence"))
                    .startsWith("Expired silence " + silence);
            assertThat(silenceInAlertmanager(silence).path("status").path("state").asString()).isEqualTo("expired");
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(ourAlert(run).path("status").path("state")
                    .asString()).isEqualTo("active"));

            postToAlertmanager(alert(run, start, Instant.now().minusSeconds(1)));
            assertThat(alice.awaitLatest(posted.id(), "RESOLVED")).contains("SwitchboardCommandsIT");
            assertThat(alice.messagesIn("#alerts").stream().filter(m -> m.from().equals(WebChatClient.BOT))
                    .filter(m -> m.latest().contains("SwitchboardCommandsIT") && m.latest().contains("group:")))
                    .as("the resolve edits the group's message instead of posting another").hasSize(1);
        }
    }

    private JsonNode silenceInAlertmanager(String id) throws Exception {
        HttpResponse<String> response = get("/api/v2/silence/" + id);
        assertThat(response.statusCode()).as("Alertmanager knows silence %s: %s", id, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode ourAlert(String run) throws Exception {
        HttpResponse<String> response = get("/api/v2/alerts?silenced=true&inhibited=true&active=true");
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode alert : JSON.readTree(response.body()).values()) {
            if (run.equals(alert.path("labels").path("run").asString())) {
                return alert;
            }
        }
        throw new AssertionError("Alertmanager does not list the alert of run " + run + ": " + response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanagerPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void postToAlertmanager(String alerts) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alerts)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager took the alert: %s", response.body()).isEqualTo(200);
    }

    private static String alert(String run, Instant startsAt, Instant endsAt) {
        return "[{\"labels\":{\"alertname\":\"SwitchboardCommandsIT\",\"severity\":\"critical\",\"run\":\"" + run
                + "\"},\"annotations\":{\"summary\":\"real alertmanager silence from chat\"},"
                + "\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + "}]";
    }
}
