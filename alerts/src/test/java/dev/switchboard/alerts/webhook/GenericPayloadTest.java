package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.Hooks.TOKEN;
import static dev.switchboard.alerts.webhook.Hooks.bearer;
import static dev.switchboard.alerts.webhook.Hooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Alert.Link;
import dev.switchboard.api.alert.Alert.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generic JSON read through a receiver's JSON Pointer mapping. */
class GenericPayloadTest {
    /** A monitoring tool that posts {"checks":[{"check":..,"state":"CRITICAL"|"OK",..}]}. */
    private static final GenericMapping CHECKS = GenericMapping.named("/checks", "/check")
            .withStatus("/state", Map.of("critical", Status.FIRING, "warning", Status.FIRING, "ok", Status.RESOLVED))
            .withSeverity("/state")
            .withLabels("/tags")
            .withFingerprint("/id")
            .withSummary("/output")
            .withLinks("/links")
            .withTimes("/since", "/until");

    private final Hooks hooks = new Hooks(ReceiverConfig.generic("checks", new WebhookAuth.Bearer(TOKEN), CHECKS),
            ReceiverConfig.generic("bare", new WebhookAuth.Bearer(TOKEN), GenericMapping.named("", "/title")));

    private HookAnswer checks(String body) {
        return hooks.receivers.handle("generic", "checks", bearer(TOKEN), utf8(body));
    }

    @Test
    void everyMappedFieldIsRead() {
        HookAnswer answer = checks("""
                {"checks":[{"check":"disk /var","state":"CRITICAL","id":"chk-17","output":"92% used",
                  "tags":{"host":"db1","port":5432,"tls":true},"since":"2026-11-26T15:00:00Z",
                  "links":[{"title":"graph","url":"https://mon.example/g/17"},"http://mon.example/c/17",
                           "ftp://mon.example/x"]}]}""");

        assertThat(answer.status()).isEqualTo(200);
        Alert alert = hooks.store.find("chk-17").orElseThrow();
        assertThat(alert.name()).isEqualTo("disk /var");
        assertThat(alert.status()).isEqualTo(Status.FIRING);
        assertThat(alert.severity()).isEqualTo("CRITICAL");
        assertThat(alert.summary()).isEqualTo("92% used");
        assertThat(alert.labels()).containsExactly(Map.entry("alertname", "disk /var"), Map.entry("host", "db1"),
                Map.entry("port", "5432"), Map.entry("tls", "true"));
        assertThat(alert.links()).containsExactly(new Link("graph", "https://mon.example/g/17"),
                new Link("link", "http://mon.example/c/17"));
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
        assertThat(alert.source()).isEqualTo("generic");
        assertThat(alert.receiver()).isEqualTo("checks");
    }

    @Test
    void mappedStatusValuesResolveTheAlert() {
        checks("{\"checks\":[{\"check\":\"disk\",\"state\":\"critical\",\"id\":\"c1\"}]}");
        hooks.clock.advance(java.time.Duration.ofMinutes(3));
        HookAnswer answer = checks("{\"checks\":[{\"check\":\"disk\",\"state\":\"OK\",\"id\":\"c1\"}]}");

        assertThat(answer.body()).contains("\"resolved\":1");
        Alert alert = hooks.store.find("c1").orElseThrow();
        assertThat(alert.status()).isEqualTo(Status.RESOLVED);
        assertThat(alert.endsAt()).as("no end time given: it ended when received").isEqualTo(hooks.clock.instant());
    }

    @Test
    void withoutAFingerprintTheSameLabelsGiveTheSameAlert() {
        String first = "{\"title\":\"BuildBroken\",\"x\":1}";
        hooks.receivers.handle("generic", "bare", bearer(TOKEN), utf8(first));
        HookAnswer again = hooks.receivers.handle("generic", "bare", bearer(TOKEN), utf8(first));

        assertThat(again.body()).contains("\"repeated\":1");
        String fingerprint = LabelFingerprint.of(Map.of("alertname", "BuildBroken"));
        assertThat(hooks.store.find(fingerprint).orElseThrow().firing()).as("no status pointer: firing").isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"items":[]}` | /checks: expected an array of alerts, got nothing
            `{"checks":[{"state":"ok"}]}` | /checks/0/check: expected the alert's name (a non-empty string), got nothing
            `{"checks":[{"check":"a","state":"ok"},{"check":"b","state":"pending"}]}` | /checks/1/state: expected one of "critical", "firing", "ok", "resolved", "warning", got "pending"
            `{"checks":[{"check":"a","state":"ok","tags":{"deep":{"x":1}}}]}` | /checks/0/tags.deep: expected a string, number or boolean, got an object
            `{"checks":[{"check":"a","state":"ok","links":7}]}` | /checks/0/links: expected a URL, an array of URLs, or an array of {"title", "url"} objects, got 7
            `{"checks":[{"check":"a","state":"ok","since":"26/11/2026"}]}` | /checks/0/since: expected an RFC 3339 time such as 2026-11-26T15:31:32Z, got "26/11/2026"
            `{"checks":["a"]}` | /checks/0: expected an alert object, got "a"
            """)
    void aPayloadTheMappingCannotReadIsUnprocessableAndNamesThePointer(String body, String message) {
        HookAnswer answer = checks(body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(Hooks.field(answer, "error")).isEqualTo("the generic payload is not as expected: " + message);
        assertThat(hooks.nothingStored()).isTrue();
    }

    @Test
    void aMappingWithABadPointerFailsAtStartUp() {
        assertThatThrownBy(() -> GenericMapping.named("checks", "/check"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mapping.alerts: 'checks' is not a JSON Pointer (expected \"\" or a path like"
                        + " /labels/severity)");
        assertThatThrownBy(() -> new ReceiverConfig("Bad Name", ReceiverKind.GENERIC,
                new WebhookAuth.Bearer(TOKEN), 100, CHECKS))
                .hasMessageContaining("receiver name 'Bad Name' must be 1 to 64 lower-case letters");
        assertThatThrownBy(() -> new ReceiverConfig("g", ReceiverKind.GENERIC, new WebhookAuth.Bearer(TOKEN), 100,
                null)).hasMessage("receiver g: a generic receiver needs a mapping saying where its JSON keeps each"
                        + " field");
    }
}
