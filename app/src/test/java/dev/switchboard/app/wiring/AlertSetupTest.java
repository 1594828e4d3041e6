package dev.switchboard.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.alerts.action.AlertmanagerConfig;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.PostAction;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import dev.switchboard.alerts.webhook.WebhookAuth;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import dev.switchboard.api.alert.Escalations;
import dev.switchboard.config.AlertsConfig;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LoadResult;
import dev.switchboard.testkit.TestClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alerts:} section as loaded from YAML, mapped onto the alerts types the server runs. */
class AlertSetupTest {
    @TempDir
    Path dir;

    private AlertsConfig load(String... lines) {
        try {
            Files.writeString(dir.resolve("pd-key"), "pd-s3cret-routing-key\n");
            Files.writeString(dir.resolve("og-key"), "og-s3cret-api-key\n");
            Files.writeString(dir.resolve("am-token"), "am-s3cret-token\n");
            Path file = dir.resolve("switchboard.yaml");
            Files.writeString(file, String.join("\n", lines) + "\n");
            LoadResult result = new ConfigLoader().load(file, CommandChecker.NONE);
            assertThat(result).isInstanceOf(LoadResult.Loaded.class);
            return ((LoadResult.Loaded) result).config().alerts();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void quietHoursFromConfigHoldBackAWarningWhileACriticalAlertStillPosts() {
        AlertsConfig alerts = load("alerts:",
                "  receivers: [ { name: am, kind: alertmanager, auth: { bearer: \"${file:am-token}\" } } ]",
                "  defaultRoute:",
                "    to: [\"web:#alerts\"]",
                "    groupWait: 0s",
                "    quietHours: { from: \"22:00\", to: \"07:00\", zone: Europe/Berlin, days: [mon-fri] }");
        // Thursday 23:30 in Berlin (22:30 UTC in November): inside the window.
        TestClock clock = new TestClock(Instant.parse("2026-11-05T22:30:00Z"));
        Routes routes = AlertSetup.routes(alerts);
        AlertRouter router = new AlertRouter(routes, AlertSetup.budget(alerts), clock);

        router.accept(List.of(alert("DiskAlmostFull", "warning", clock), alert("NodeDown", "critical", clock)));
        List<PostAction> night = router.tick(clock.instant());
        clock.set(Instant.parse("2026-11-06T06:00:00Z")); // Friday 07:00 in Berlin: the window is over
        List<PostAction> morning = router.tick(clock.instant());

        assertThat(night).singleElement().satisfies(a -> assertThat(a.reply().toString()).contains("NodeDown"));
        assertThat(morning).singleElement().satisfies(a -> assertThat(a.reply().toString())
                .contains("DiskAlmostFull"));
        assertThat(routes.fallback().quietHours().days()).hasSize(5);
    }

    @Test
    void receiversBudgetAndAlertmanagerKeepEveryConfiguredValue() {
        AlertsConfig alerts = load("alerts:",
                "  receivers:",
                "    - name: uptime",
                "      kind: generic",
                "      maxBytes: 4096",
                "      auth: { hmac: { header: X-Sig, algorithm: sha1, secret: \"${file:am-token}\", prefix: \"v1=\" } }",
                "      mapping: { alerts: /checks, name: /title, status: /state, statusValues: { DOWN: firing } }",
                "  defaultRoute: { to: [\"web:#alerts\"], groupBy: [\"...\"] }",
                "  budget: { postsPerSecond: 2, burst: 3, maxDelay: 10s }",
                "  alertmanager: { url: \"http://127.0.0.1:9093/\", auth: { user: sb, password: \"${file:og-key}\" } }");

        ReceiverConfig uptime = AlertSetup.receivers(alerts).getFirst();
        AlertmanagerConfig alertmanager = AlertSetup.alertmanager(alerts).orElseThrow();

        assertThat(uptime.maxBytes()).isEqualTo(4096);
        assertThat(uptime.auth()).isEqualTo(new WebhookAuth.Hmac("X-Sig", WebhookAuth.Algorithm.SHA1,
                "am-s3cret-token", "v1="));
        assertThat(uptime.mapping().statusValues()).containsEntry("down", Alert.Status.FIRING);
        assertThat(AlertSetup.budget(alerts).burst()).isEqualTo(3);
        assertThat(AlertSetup.routes(alerts).fallback().groupBy().groupLabels(Map.of("a", "1", "b", "2")))
                .containsOnlyKeys("a", "b");
        assertThat(alertmanager.auth().header()).hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
        assertThat(alertmanager.toString()).doesNotContain("s3cret");
    }

    @Test
    void escalationServicesAreBuiltByNameAndPageTheConfiguredUrlWithTheirKey() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer pagerDuty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pagerDuty.createContext("/v2/enqueue", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"status\":\"success\",\"dedup_key\":\"switchboard-group-abc123\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        pagerDuty.start();
        try {
            AlertsConfig alerts = load("alerts:",
                    "  escalation:",
                    "    default: core-oncall",
                    "    services:",
                    "      core-oncall: { kind: pagerduty, routingKey: \"${file:pd-key}\", url: \"http://127.0.0.1:"
                            + pagerDuty.getAddress().getPort() + "/v2/enqueue\" }",
                    "      db-team: { kind: opsgenie, apiKey: \"${file:og-key}\" }");

            Map<String, Escalations> services = AlertSetup.escalations(alerts);
            EscalationResult paged = services.get(alerts.escalation().defaultService()).trigger(
                    Escalation.forGroup("abc123", "3 alerts firing in eu-1", Escalation.Severity.CRITICAL,
                            Map.of("cluster", "eu-1")));

            assertThat(services).containsOnlyKeys("core-oncall", "db-team");
            assertThat(services.get("core-oncall").service()).isEqualTo("PagerDuty");
            assertThat(services.get("db-team").service()).isEqualTo("Opsgenie");
            assertThat(paged).isEqualTo(new EscalationResult.Sent("switchboard-group-abc123"));
            assertThat(bodies).singleElement().asString().contains("\"routing_key\":\"pd-s3cret-routing-key\"")
                    .contains("3 alerts firing in eu-1");
            assertThat(services.toString()).doesNotContain("s3cret");
        } finally {
            pagerDuty.stop(0);
        }
    }

    @Test
    void noEscalationSectionMeansNoServices() {
        assertThat(AlertSetup.escalations(AlertsConfig.NONE)).isEmpty();
    }

    private static Alert alert(String name, String severity, TestClock clock) {
        Map<String, String> labels = Map.of("alertname", name, "severity", severity);
        return new Alert("alertmanager", "am", "fp-" + name, name, severity, Alert.Status.FIRING, labels, Map.of(),
                name + " fires", List.of(), clock.instant().minus(Duration.ofMinutes(1)), null, clock.instant());
    }
}
