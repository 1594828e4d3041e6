package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alerts:} quiet hours per route, escalation services and Alertmanager auth, and their mistakes. */
class AlertsQuietHoursAndEscalationTest {
    private static final Map<String, String> ENV = Map.of("AM_TOKEN", "am-s3cret-token", "PD_KEY", "pd-s3cret-key",
            "OG_KEY", "og-s3cret-key");
    private static final String RECEIVER = "  receivers: [ { name: am, kind: alertmanager, auth: { bearer:"
            + " \"${env:AM_TOKEN}\" } } ]";

    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, ENV);
    }

    @Test
    void quietHoursAreReadWithTheirZoneAndDaysAndEveryDayWhenDaysAreLeftOut() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:", RECEIVER,
                "  routes:",
                "    - name: night",
                "      match: { team: db }",
                "      to: [\"web:#db\"]",
                "      quietHours: { from: \"22:00\", to: \"07:00\", zone: Europe/Berlin, days: [mon-thu, fri] }",
                "  defaultRoute:",
                "    to: [\"web:#alerts\"]",
                "    quietHours: { from: \"0:30\", to: \"06:00\", zone: UTC }");

        AlertsConfig alerts = files.loaded("main.yaml").alerts();

        assertThat(alerts.routes().getFirst().quietHours()).isEqualTo(new AlertRouteConfig.QuietHours(
                LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertThat(alerts.defaultRoute().quietHours().days()).containsExactlyInAnyOrder(DayOfWeek.values());
        assertThat(alerts.defaultRoute().quietHours().from()).isEqualTo(LocalTime.of(0, 30));
    }

    @Test
    void eachQuietHoursMistakeNamesTheFieldAndTheExpectedForm() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:", RECEIVER,
                "  routes:",
                "    - { name: a, to: [\"web:#a\"], quietHours: { from: \"25:00\", to: \"07:00\", zone: UTC } }",
                "    - { name: b, to: [\"web:#b\"], quietHours: { from: \"22:00\", to: \"07:00\", zone: Europe/Berln } }",
                "    - { name: c, to: [\"web:#c\"], quietHours: { from: \"22:00\", to: \"07:00\", zone: UTC, days: [fry] } }",
                "    - { name: d, to: [\"web:#d\"], quietHours: { from: \"22:00\", zone: UTC } }",
                "  defaultRoute: { to: [\"web:#alerts\"] }");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:4:54: alerts.routes[0].quietHours.from: expected a time of day as \"HH:MM\" (24 h, in"
                        + " quotes), like \"22:00\", got '25:00'",
                "main.yaml:5:82: alerts.routes[1].quietHours.zone: unknown time zone 'Europe/Berln'; expected an IANA"
                        + " zone like Europe/Berlin, America/New_York or UTC",
                "main.yaml:6:94: alerts.routes[2].quietHours.days[0]: unknown day 'fry'; expected one of mon, tue,"
                        + " wed, thu, fri, sat, sun (or a range like mon-fri) (did you mean 'fri'?)",
                "main.yaml:7:46: alerts.routes[3].quietHours.to: missing; expected when quiet hours end, like"
                        + " \"07:00\"");
    }

    @Test
    void escalationServicesAreReadWithTheirDefaultAndNeverShowTheirKeys() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  escalation:",
                "    default: core-oncall",
                "    services:",
                "      core-oncall: { kind: pagerduty, routingKey: \"${env:PD_KEY}\" }",
                "      db-team: { kind: opsgenie, apiKey: \"${env:OG_KEY}\", url: \"http://127.0.0.1:9/\" }",
                "  alertmanager: { url: \"http://127.0.0.1:9093/\", auth: { bearer: \"${env:AM_TOKEN}\" } }");

        AlertsConfig alerts = files.loaded("main.yaml").alerts();

        assertThat(alerts.escalation().defaultService()).isEqualTo("core-oncall");
        assertThat(alerts.escalation().services()).containsOnlyKeys("core-oncall", "db-team");
        assertThat(alerts.escalation().services().get("core-oncall")).isEqualTo(new EscalationConfig.Service(
                "core-oncall", EscalationConfig.Kind.PAGERDUTY, "pd-s3cret-key", null));
        assertThat(alerts.escalation().services().get("db-team").url()).isEqualTo(URI.create("http://127.0.0.1:9/"));
        assertThat(alerts.alertmanager().auth()).isEqualTo(new AlertmanagerApiConfig.Auth.Bearer("am-s3cret-token"));
        assertThat(alerts.toString()).doesNotContain("s3cret");
    }

    @Test
    void aSingleServiceIsTheDefaultWithoutSayingSo() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  escalation: { services: { pager: { kind: pagerduty, routingKey: \"${env:PD_KEY}\" } } }");

        assertThat(files.loaded("main.yaml").alerts().escalation().defaultService()).isEqualTo("pager");
    }

    @Test
    void anUnknownKindOrDefaultOrAnInlineKeyIsALoadErrorThatNeverEchoesAKey() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  escalation:",
                "    default: core-oncal",
                "    services:",
                "      core-oncall: { kind: pagerduty, routingKey: \"${env:PD_KEY}\" }",
                "      db-team: { kind: pagerdty, routingKey: \"${env:PD_KEY}\" }",
                "      inline: { kind: opsgenie, apiKey: inline-s3cret }");

        List<String> errors = files.errors("main.yaml");

        assertThat(errors).containsExactly(
                "main.yaml:3:14: alerts.escalation.default: unknown escalation service 'core-oncal'; expected one of"
                        + " core-oncall (did you mean 'core-oncall'?)",
                "main.yaml:6:24: alerts.escalation.services.db-team.kind: unknown escalation kind 'pagerdty';"
                        + " expected one of pagerduty, opsgenie (did you mean 'pagerduty'?)",
                "main.yaml:7:41: alerts.escalation.services.inline.apiKey: write the apiKey as a reference,"
                        + " ${env:NAME} or ${file:/path}, never inline");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void severalServicesNeedADefault() {
        TempConfig files = files();
        files.write("main.yaml", "alerts:",
                "  escalation:",
                "    services:",
                "      a: { kind: pagerduty, routingKey: \"${env:PD_KEY}\" }",
                "      b: { kind: opsgenie, apiKey: \"${env:OG_KEY}\" }");

        assertThat(files.errors("main.yaml")).containsExactly("main.yaml:3:5: alerts.escalation.default: missing;"
                + " expected the service escalate uses when none is named, one of a, b");
    }
}
