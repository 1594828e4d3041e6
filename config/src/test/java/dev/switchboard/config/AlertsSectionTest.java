package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.config.AlertReceiverConfig.Auth;
import dev.switchboard.config.AlertRouteConfig.Matcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alerts:}: receivers, routes, default route, budget and Alertmanager, and each kind of mistake. */
class AlertsSectionTest {
    private static final Map<String, String> ENV = Map.of("AM_TOKEN", "am-s3cret-token", "HOOK_KEY", "hmac-s3cret");

    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, ENV);
    }

    @Test
    void noAlertsSectionMeansNoReceiversAndNoRoutes() {
        TempConfig files = files();
        files.write("main.yaml", "server: { port: 0 }");

        assertThat(files.loaded("main.yaml").alerts()).isEqualTo(AlertsConfig.NONE);
    }

    @Test
    void receiversRoutesBudgetAndAlertmanagerAreReadAsWritten() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  receivers:",
                "    - { name: alertmanager, kind: alertmanager, auth: { bearer: \"${env:AM_TOKEN}\" } }",
                "    - name: uptime",
                "      kind: generic",
                "      maxBytes: 4096",
                "      auth: { hmac: { header: X-Signature, secret: \"${env:HOOK_KEY}\", prefix: \"sha256=\" } }",
                "      mapping: { alerts: /checks, name: /title, status: /state, statusValues: { down: firing } }",
                "  routes:",
                "    - { name: eu, match: { severity: critical }, matchers: ['cluster=~\"eu-.*\"'],"
                        + " to: [\"web:#alerts\", \"slack:#eu\"], groupBy: [alertname, cluster], groupWait: 100ms,"
                        + " groupInterval: 1m, repeatInterval: 2h, continue: true }",
                "  defaultRoute: { to: [\"web:#alerts\"] }",
                "  budget: { postsPerSecond: 2, burst: 3, maxDelay: 10s }",
                "  alertmanager: { url: \"http://127.0.0.1:9093/\" }");

        AlertsConfig alerts = files.loaded("main.yaml").alerts();

        assertThat(alerts.receivers()).extracting(r -> r.name() + "/" + r.kind() + "/" + r.maxBytes())
                .containsExactly("alertmanager/ALERTMANAGER/1048576", "uptime/GENERIC/4096");
        assertThat(alerts.receivers().get(0).auth()).isEqualTo(new Auth.Bearer("am-s3cret-token"));
        assertThat(alerts.receivers().get(1).auth()).isEqualTo(new Auth.Hmac("X-Signature", "sha256",
                "hmac-s3cret", "sha256="));
        assertThat(alerts.receivers().get(1).mapping().alerts()).isEqualTo("/checks");
        assertThat(alerts.receivers().get(1).mapping().statusValues()).containsEntry("down", "firing");
        AlertRouteConfig eu = alerts.routes().getFirst();
        assertThat(eu).isEqualTo(new AlertRouteConfig("eu", List.of(Matcher.equal("severity", "critical"),
                new Matcher("cluster", "=~", "eu-.*")), List.of(ConversationRef.parse("web:#alerts"),
                ConversationRef.parse("slack:#eu")), List.of("alertname", "cluster"), Duration.ofMillis(100),
                Duration.ofMinutes(1), Duration.ofHours(2), null, true));
        assertThat(alerts.defaultRoute().to()).containsExactly(ConversationRef.parse("web:#alerts"));
        assertThat(alerts.defaultRoute().name()).isEqualTo(AlertsConfig.DEFAULT_ROUTE);
        assertThat(alerts.budget().burst()).isEqualTo(3);
        assertThat(alerts.alertmanager().url().getPort()).isEqualTo(9093);
        assertThat(alerts.alertmanager().auth()).isEqualTo(new AlertmanagerApiConfig.Auth.None());
        assertThat(alerts.receivers().toString()).doesNotContain("s3cret");
        assertThat(alerts.receivers().getFirst().kind()).isEqualTo(AlertReceiverConfig.Kind.ALERTMANAGER);
    }

    @Test
    void eachMistakeIsReportedWhereItWasWrittenWithoutEchoingASecret() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  receivers:",
                "    - { name: am, kind: prometheus, auth: { bearer: \"${env:AM_TOKEN}\" } }",
                "    - { name: inline, kind: grafana, auth: { bearer: inlines3cret } }",
                "  routes:",
                "    - { name: bad, matchers: ['cluster=~\"eu-(\"'], to: [\"web:#alerts\"] }",
                "    - { name: nowhere, to: [\"alerts\"] }",
                "  defaultRoute: { to: [\"web:#alerts\"] }");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("main.yaml:3:25: alerts.receivers[0].kind: unknown receiver kind "
                + "'prometheus'; expected one of alertmanager, grafana, generic");
        assertThat(errors.get(1)).isEqualTo("main.yaml:4:54: alerts.receivers[1].auth.bearer: write the bearer token"
                + " as a reference, ${env:NAME} or ${file:/path}, never inline");
        assertThat(errors.get(2)).startsWith("main.yaml:6:31: alerts.routes[0].matchers[0]: the regular expression "
                + "for label cluster is not valid");
        assertThat(errors.get(3)).isEqualTo("main.yaml:7:29: alerts.routes[1].to[0]: expected platform:conversation,"
                + " like web:#ops, got 'alerts'");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void receiversWithoutADefaultRouteAreRefused() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  receivers: [ { name: am, kind: alertmanager, auth: { bearer: \"${env:AM_TOKEN}\" } } ]");

        assertThat(files.errors("main.yaml")).containsExactly("main.yaml:2:3: alerts.defaultRoute: missing; expected"
                + " where alerts no route takes are posted, like { to: [\"web:#alerts\"] }");
    }
}
