package dev.switchboard.alerts.webhook;

import static dev.switchboard.alerts.webhook.Hooks.TOKEN;
import static dev.switchboard.alerts.webhook.Hooks.bearer;
import static dev.switchboard.alerts.webhook.Hooks.payload;
import static dev.switchboard.alerts.webhook.Hooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a request is refused: the status, a message naming the problem, and nothing stored. */
class WebhookRefusalTest {
    private final Hooks hooks = new Hooks(
            ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN)),
            ReceiverConfig.alertmanager("small", new WebhookAuth.Bearer(TOKEN)).withMaxBytes(600),
            ReceiverConfig.generic("ci", new WebhookAuth.Bearer(TOKEN), GenericMapping.named("", "/title")));

    private void assertRefused(HookAnswer answer, int status, String message) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(Hooks.field(answer, "status")).isEqualTo("refused");
        assertThat(Hooks.field(answer, "error")).contains(message);
        assertThat(hooks.nothingStored()).as("nothing stored").isTrue();
        assertThat(hooks.refusals()).singleElement().satisfies(refused -> {
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.reason()).contains(message);
        });
        assertThat(hooks.acceptances()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            pagerduty    | null    | there is no webhook kind 'pagerduty'; expected alertmanager, grafana or generic
            alertmanager | nope    | there is no alertmanager receiver named 'nope'
            grafana      | null    | no grafana receiver is configured
            generic      | null    | generic receivers are addressed by name: /hooks/generic/{name}
            generic      | small   | there is no generic receiver named 'small'
            generic      | ../etc  | there is no generic receiver named (a name that is not shown)
            """)
    void anUnknownReceiverIsNotFound(String kind, String name, String message) {
        assertRefused(hooks.receivers.handle(kind, name, bearer(TOKEN), payload("alertmanager-firing.json")), 404,
                message);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAuth() {
        HookAnswer answer = hooks.receivers.handle("alertmanager", "small", Map.of(),
                payload("alertmanager-firing.json"));

        assertRefused(answer, 413, "the body is 1006 bytes; receiver small takes at most 600 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedEvenIfTheBodyIsSmall() {
        Map<String, String> headers = new HashMap<>(bearer(TOKEN));
        headers.put("content-length", "5000000");

        assertRefused(hooks.receivers.handle("alertmanager", "small", headers, utf8("{}")), 413,
                "the body is 5000000 bytes; receiver small takes at most 600 bytes");
    }

    @Test
    void theDefaultLimitIsOneMebibyte() {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) ' ');

        assertRefused(hooks.alertmanager(big), 413, "receiver alertmanager takes at most 1048576 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"alerts": [`   | the body is not valid JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Array
            `alerts=1`       | the body is not valid JSON at line 1, column 1: Unrecognized token 'alerts'
            `{"a":1} {"b":2}`| more JSON follows the first value; expected exactly one JSON object
            `{"alerts":[],"alerts":[]}` | Duplicate Object property "alerts"
            `` | the body is empty; expected a JSON object
            """)
    void aBodyThatIsNotJsonIsABadRequest(String body, String message) {
        HookAnswer answer = hooks.alertmanager(utf8(body));

        assertRefused(answer, 400, message);
        assertThat(Hooks.field(answer, "error")).doesNotContain("Source", "UNKNOWN", "jackson", "JsonNode");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `[]` | the body: expected a JSON object with an "alerts" array, got an array
            `{"version":"4"}` | alerts: expected an array of alerts, got nothing
            `{"version":"3","alerts":[]}` | version: expected "4" (the Alertmanager webhook payload this receiver reads), got "3"
            `{"alerts":{"status":"firing"}}` | alerts: expected an array of alerts, got an object
            `{"alerts":[{"status":"burning","labels":{"a":"b"},"startsAt":"2026-11-26T15:00:00Z"}]}` | alerts[0].status: expected "firing" or "resolved", got "burning"
            `{"alerts":[{"status":"firing","labels":{},"startsAt":"2026-11-26T15:00:00Z"}]}` | alerts[0].labels: expected an object with at least one label, got an object
            `{"alerts":[{"status":"firing","labels":{"n":3},"startsAt":"2026-11-26T15:00:00Z"}]}` | alerts[0].labels.n: expected a string, got 3
            `{"alerts":[{"status":"firing","labels":{"a":"b"},"startsAt":"yesterday"}]}` | alerts[0].startsAt: expected an RFC 3339 time such as 2026-11-26T15:31:32Z, got "yesterday"
            `{"alerts":[{"status":"firing","labels":{"a":"b"}}]}` | alerts[0].startsAt: expected an RFC 3339 time such as 2026-11-26T15:31:32Z, got nothing
            `{"alerts":[{"status":"resolved","labels":{"a":"b"},"startsAt":"2026-11-26T15:00:00Z","endsAt":"soon"}]}` | alerts[0].endsAt: expected an RFC 3339 time
            `{"alerts":[{"status":"firing","labels":{"a":"b"},"startsAt":"2026-11-26T15:00:00Z","annotations":[]}]}` | alerts[0].annotations: expected an object of names to strings, got an array
            `{"alerts":[],"truncatedAlerts":-1}` | truncatedAlerts: expected a whole number of at least 0, got -1
            """)
    void aPayloadOfTheWrongShapeIsUnprocessableAndNamesTheField(String body, String message) {
        assertRefused(hooks.alertmanager(utf8(body)), 422, "the alertmanager payload is not as expected: " + message);
    }

    @Test
    void oneBadAlertAmongGoodOnesStoresNoneOfThem() {
        String body = """
                {"alerts":[
                  {"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-26T15:00:00Z"},
                  {"status":"firing","labels":{"alertname":"B"},"startsAt":"2026-11-26T15:00:00Z"},
                  {"status":"firing","labels":{"alertname":"C"},"startsAt":"2026-13-26T15:00:00Z"}]}""";

        assertRefused(hooks.alertmanager(utf8(body)), 422, "alerts[2].startsAt: expected an RFC 3339 time");
    }

    @Test
    void aStoreThatFailsGives503SoTheSenderRetries() {
        AlertStore broken = new AlertStore() {
            @Override public Stored record(List<Alert> alerts) {
                throw new StorageException("database error while storing alerts: connection refused");
            }
            @Override public Optional<Alert> find(String fingerprint) { return Optional.empty(); }
            @Override public List<Transition> history(String fingerprint) { return List.of(); }
            @Override public List<Alert> firing() { return List.of(); }
            @Override public List<Alert> query(AlertQuery query) { return List.of(); }
        };
        List<HookEvent> events = new java.util.ArrayList<>();
        WebhookReceivers receivers = new WebhookReceivers(
                List.of(ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN))), broken,
                Clock.systemUTC(), events::add);

        HookAnswer answer = receivers.handle("alertmanager", null, bearer(TOKEN), payload("alertmanager-firing.json"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("could not be stored right now and none was kept")
                .doesNotContain("connection refused");
        assertThat(events).singleElement().isInstanceOf(HookEvent.Refused.class);
    }

    @Test
    void aFailingListenerDoesNotUndoAnAcceptance() {
        WebhookReceivers receivers = new WebhookReceivers(
                List.of(ReceiverConfig.alertmanager("alertmanager", new WebhookAuth.Bearer(TOKEN))), hooks.store,
                hooks.clock, event -> {
                    throw new IllegalStateException("audit is down");
                });

        HookAnswer answer = receivers.handle("alertmanager", null, bearer(TOKEN), payload("alertmanager-firing.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(hooks.store.find("10fd2ebfb5d5241b")).isPresent();
    }

    @Test
    void twoReceiversWithOneNameAreAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Hooks(
                ReceiverConfig.alertmanager("ops", new WebhookAuth.Bearer(TOKEN)),
                ReceiverConfig.grafana("ops", Hooks.grafanaAuth())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two webhook receivers are named ops; receiver names must be unique");
    }
}
