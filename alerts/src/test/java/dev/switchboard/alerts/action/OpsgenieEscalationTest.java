package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.action.FakeService.Answer;
import dev.switchboard.alerts.action.FakeService.RecordingSleeper;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpsgenieEscalationTest {
    private static final String KEY = "0e6f1c2a-genie-key-5b7d";
    private static final String ACCEPTED = """
            {"result":"Request will be processed","took":0.302,"requestId":"43a29c5c-3dbf-4fa4-9c26-f4f71023e120"}""";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private OpsgenieEscalation opsgenie(URI url) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30));
        return new OpsgenieEscalation(new OpsgenieConfig(url, KEY, Duration.ofSeconds(5), retry),
                HttpClient.newHttpClient(), sleeper, Clock.fixed(NOW, ZoneOffset.UTC), new Random(11));
    }

    @Test
    void triggerCreatesAnAlertWithTheGenieKeyAndTheDedupKeyAsAlias() throws Exception {
        try (FakeService og = new FakeService(Answer.of(202, ACCEPTED))) {
            EscalationResult result = opsgenie(og.url(""))
                    .trigger(Escalation.forAlert(PagerDutyEscalationTest.diskFull("critical")));

            assertThat(result).isEqualTo(new EscalationResult.Sent("switchboard-alert-3f2a9c1b0d4e5f60"));
            FakeService.Request request = og.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/v2/alerts");
            assertThat(request.header("Authorization")).isEqualTo("GenieKey " + KEY);
            JsonNode alert = request.json();
            assertThat(alert.get("message").asString()).isEqualTo("Disk on host1 is 95% full");
            assertThat(alert.get("alias").asString()).isEqualTo("switchboard-alert-3f2a9c1b0d4e5f60");
            assertThat(alert.get("priority").asString()).isEqualTo("P1");
            assertThat(alert.get("entity").asString()).isEqualTo("host1:9100");
            assertThat(alert.get("description").asString())
                    .contains("source: http://127.0.0.1:9090/graph?g0.expr=disk");
            assertThat(alert.get("details").get("cluster").asString()).isEqualTo("eu-1");
            assertThat(alert.get("tags")).extracting(JsonNode::asString)
                    .containsExactly("switchboard", "critical", "DiskFull");
        }
    }

    @Test
    void severitiesMapToOpsgeniePrioritiesAndLongTitlesAreCut() throws Exception {
        Map<Escalation.Severity, String> expected = Map.of(Escalation.Severity.CRITICAL, "P1",
                Escalation.Severity.ERROR, "P2", Escalation.Severity.WARNING, "P3", Escalation.Severity.INFO, "P5");
        for (Map.Entry<Escalation.Severity, String> entry : expected.entrySet()) {
            try (FakeService og = new FakeService(Answer.of(202, ACCEPTED))) {
                opsgenie(og.url("/")).trigger(Escalation.forGroup("g1", "x".repeat(300), entry.getKey(),
                        Map.of("alertname", "Storm")));
                JsonNode alert = og.only().json();
                assertThat(alert.get("priority").asString()).isEqualTo(entry.getValue());
                assertThat(alert.get("message").asString()).hasSize(130).endsWith("…");
                assertThat(og.only().pathAndQuery()).isEqualTo("/v2/alerts");
            }
        }
    }

    @Test
    void acknowledgeAndCloseAddressTheAlertByAliasAndRecordWhoDidIt() throws Exception {
        String key = Escalation.groupKey("eu 1");
        try (FakeService og = new FakeService(Answer.of(202, ACCEPTED))) {
            OpsgenieEscalation escalation = opsgenie(og.url(""));
            assertThat(escalation.acknowledge(key, "alice")).isEqualTo(new EscalationResult.Sent(key));
            assertThat(escalation.resolve(key, "bob")).isEqualTo(new EscalationResult.Sent(key));

            assertThat(og.requests()).extracting(FakeService.Request::pathAndQuery).containsExactly(
                    "/v2/alerts/switchboard-group-eu%201/acknowledge?identifierType=alias",
                    "/v2/alerts/switchboard-group-eu%201/close?identifierType=alias");
            assertThat(og.requests()).extracting(request -> request.json().get("user").asString())
                    .containsExactly("alice", "bob");
            assertThat(og.requests()).extracting(request -> request.header("Authorization"))
                    .containsOnly("GenieKey " + KEY);
        }
    }

    @Test
    void aRateLimitWithAnHttpDateRetryAfterIsWaitedOutThenSent() throws Exception {
        String in5s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(5),
                ZoneOffset.UTC));
        try (FakeService og = new FakeService(Answer.of(429, "{\"message\":\"Too many requests\"}")
                .withHeader("Retry-After", in5s), Answer.of(202, ACCEPTED))) {
            EscalationResult result = opsgenie(og.url("")).acknowledge("k", "alice");

            assertThat(result).isEqualTo(new EscalationResult.Sent("k"));
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5));
        }
    }

    @Test
    void serverErrorsAreRetriedThenReportedUnavailable() throws Exception {
        try (FakeService og = new FakeService(Answer.of(500, "{}"), Answer.of(502, "{}"))) {
            EscalationResult result = opsgenie(og.url("")).resolve("k", "alice");

            assertThat(result).isEqualTo(new EscalationResult.Unavailable(
                    "Opsgenie kept failing (last answer 502) after 3 attempts"));
            assertThat(og.requests()).hasSize(3);
            assertThat(sleeper.waits).hasSize(2).allMatch(wait -> wait.toMillis() <= 1000);
        }
    }

    @Test
    void anInvalidRequestIsRejectedWithOpsgeniesMessage() throws Exception {
        String invalid = """
                {"message":"Request body is not processable. Please check the errors.",\
                "errors":{"message":"Message can not be empty."},"took":0.01,"requestId":"r-1"}""";
        try (FakeService og = new FakeService(Answer.of(422, invalid))) {
            EscalationResult result = opsgenie(og.url(""))
                    .trigger(Escalation.forAlert(PagerDutyEscalationTest.diskFull("warning")));

            assertThat(result).isEqualTo(new EscalationResult.Rejected("Opsgenie rejected the create request (422):"
                    + " Request body is not processable. Please check the errors.; message: Message can not be empty."));
            assertThat(og.requests()).hasSize(1);
        }
    }

    @Test
    void aRefusedKeyIsRejectedWithoutShowingTheKey() throws Exception {
        try (FakeService og = new FakeService(Answer.of(401,
                "{\"message\":\"Could not authenticate GenieKey " + KEY + "\",\"took\":0.0,\"requestId\":\"r\"}"))) {
            OpsgenieEscalation escalation = opsgenie(og.url(""));
            EscalationResult result = escalation.acknowledge("k", null);

            assertThat(result).isEqualTo(new EscalationResult.Rejected(
                    "Opsgenie refused the API key (401): Could not authenticate GenieKey ***"));
            assertThat(og.only().json().has("user")).isFalse();
            assertThat(escalation.toString()).doesNotContain(KEY);
        }
    }
}
