package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.e2e.WebChatClient.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole monitoring chain, real from end to end: a Prometheus rule that fires at once ({@code vector(1)}, labels
 * severity and cluster) is sent to a real Alertmanager, whose webhook receiver posts to Switchboard's
 * {@code /hooks/alertmanager} with a bearer token (Alertmanager 0.25 {@code http_config.authorization}); a route on
 * the cluster label puts it in the web chat room {@code #prometheus} as one group message. Both servers are started
 * on free loopback ports by {@code scripts/peers/alertmanager.sh} and {@code prometheus.sh} and stopped by PID;
 * without their binaries the test is skipped, except with {@code CI=true}, where it fails.
 */
class PrometheusRuleE2EIT {
    private static final String TOKEN = "e2e-prometheus-chain-token-8910";
    /** Prometheus sends its first alerts about 7 s after start (target discovery ticks every 5 s); allow for load. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String ALERTS = """
            alerts:
              receivers:
                - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
              routes:
                - name: prometheus-e2e
                  matchers: ['cluster="prom-e2e"']
                  to: ["web:#prometheus"]
                  groupBy: [alertname, cluster]
                  groupWait: 100ms
                  groupInterval: 1s
              defaultRoute: { to: ["web:#alerts"], groupBy: [alertname], groupWait: 100ms }
            """;
    private static final String RULES = """
            groups:
              - name: switchboard-e2e
                interval: 1s
                rules:
                  - alert: PrometheusRuleFired
                    expr: vector(1)
                    for: 0s
                    labels:
                      severity: warning
                      cluster: prom-e2e
                    annotations:
                      summary: "fired by a real Prometheus rule"
            """;

    @TempDir
    static Path dir;
    static TestServer server;
    static ScriptedPeer alertmanager;
    static ScriptedPeer prometheus;

    @BeforeAll
    static void start() {
        server = TestServer.prepare(dir, "open");
        server.writeFile("am-token", TOKEN + "\n");
        server.editConfig(text -> text + "\n" + ALERTS);
        server.restart();
        alertmanager = ScriptedPeer.started("Alertmanager", "alertmanager.sh", "prometheus-alertmanager", Map.of(
                "WEBHOOK_URL", "http://127.0.0.1:" + server.port() + "/hooks/alertmanager",
                "WEBHOOK_BEARER", TOKEN));
        Path rules = dir.resolve("rules.yml");
        write(rules, RULES);
        prometheus = ScriptedPeer.started("Prometheus", "prometheus.sh", "prometheus", Map.of(
                "ALERTMANAGER", alertmanager.host() + ":" + alertmanager.port(),
                "RULES_FILE", rules.toString()));
    }

    @AfterAll
    static void stop() {
        // Prometheus first, so nothing is sent to an Alertmanager that is going away; each stop is by recorded PID.
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            try {
                if (alertmanager != null) {
                    alertmanager.close();
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Test
    void aFiringPrometheusRuleIsPostedAsAGroupInTheRoutedRoom() {
        try (WebChatClient alice = server.connect("alice").join("#prometheus")) {
            Message posted = await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
                    .until(() -> botMessage(alice, "#prometheus", "PrometheusRuleFired"), Optional::isPresent)
                    .orElseThrow();

            assertThat(posted.latest()).startsWith("[WARNING] PrometheusRuleFired: 1 firing")
                    .contains("cluster: prom-e2e").contains("fired by a real Prometheus rule")
                    .contains("[Ack]").as("the link back to the rule's expression in this Prometheus")
                    .contains("source http://127.0.0.1:" + prometheus.port() + "/graph?g0.expr=vector%281%29");
            alice.join("#alerts");
            assertThat(alice.messagesIn("#alerts")).as("the cluster route took it, not the default route")
                    .noneMatch(m -> m.latest().contains("PrometheusRuleFired"));
            assertThat(alice.messagesIn("#prometheus").stream()
                    .filter(m -> m.latest().contains("PrometheusRuleFired")))
                    .as("Prometheus re-sends every second; the group stays one message").hasSize(1);
        }
    }

    private static Optional<Message> botMessage(WebChatClient client, String room, String text) {
        return client.messagesIn(room).stream().filter(m -> m.from().equals(WebChatClient.BOT))
                .filter(m -> m.latest().contains(text)).findFirst();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
