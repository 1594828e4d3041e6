package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.action.FakeService.Answer;
import dev.switchboard.alerts.action.FakeService.RecordingSleeper;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagerDutyEscalationTest {
    private static final String KEY = "R0UT1NGKEY-pd-0123456789abcdef";
    private static final String ACCEPTED = """
            {"status":"success","message":"Event processed","dedup_key":"%s"}""";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final RecordingSleeper sleeper = new RecordingSleeper();

    static Alert diskFull(String severity) {
        return new Alert("alertmanager", "am", "3f2a9c1b0d4e5f60", "DiskFull", severity, Alert.Status.FIRING,
                Map.of("alertname", "DiskFull", "severity", severity, "instance", "host1:9100", "job", "node",
                        "cluster", "eu-1"),
                Map.of("summary", "Disk on host1 is 95% full"), "Disk on host1 is 95% full",
                List.of(new Alert.Link("source", "http://127.0.0.1:9090/graph?g0.expr=disk")),
                NOW.minusSeconds(60), null, NOW);
    }

    private PagerDutyEscalation pagerDuty(URI url) {
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
        return new PagerDutyEscalation(new PagerDutyConfig(url, KEY, Duration.ofSeconds(5), retry),
                HttpClient.newHttpClient(), sleeper, Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));
    }

    @Test
    void triggerSendsTheDocumentedEventKeyedByTheAlertFingerprint() throws Exception {
        String key = Escalation.alertKey("3f2a9c1b0d4e5f60");
        try (FakeService pd = new FakeService(Answer.of(202, ACCEPTED.formatted(key)))) {
            EscalationResult result = pagerDuty(pd.url("/v2/enqueue")).trigger(Escalation.forAlert(diskFull("critical")));

            assertThat(result).isEqualTo(new EscalationResult.Sent(key));
            FakeService.Request request = pd.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/v2/enqueue");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode event = request.json();
            assertThat(event.get("routing_key").asString()).isEqualTo(KEY);
            assertThat(event.get("event_action").asString()).isEqualTo("trigger");
            assertThat(event.get("dedup_key").asString()).isEqualTo("switchboard-alert-3f2a9c1b0d4e5f60");
            JsonNode payload = event.get("payload");
            assertThat(payload.get("summary").asString()).isEqualTo("Disk on host1 is 95% full");
            assertThat(payload.get("source").asString()).isEqualTo("host1:9100");
            assertThat(payload.get("severity").asString()).isEqualTo("critical");
            assertThat(payload.get("component").asString()).isEqualTo("node");
            assertThat(payload.get("group").asString()).isEqualTo("eu-1");
            assertThat(payload.get("class").asString()).isEqualTo("DiskFull");
            assertThat(payload.get("custom_details").get("annotation.summary").asString())
                    .isEqualTo("Disk on host1 is 95% full");
            assertThat(event.get("links").get(0).get("href").asString())
                    .isEqualTo("http://127.0.0.1:9090/graph?g0.expr=disk");
        }
    }

    @Test
    void severityLabelsMapToPagerDutysFourLevels() throws Exception {
        Map<String, String> expected = Map.of("critical", "critical", "page", "critical", "warning", "warning",
                "info", "info", "something-odd", "error");
        for (Map.Entry<String, String> label : expected.entrySet()) {
            try (FakeService pd = new FakeService(Answer.of(202, "{}"))) {
                pagerDuty(pd.url("/v2/enqueue")).trigger(Escalation.forAlert(diskFull(label.getKey())));
                assertThat(pd.only().json().get("payload").get("severity").asString())
                        .as("severity label %s", label.getKey()).isEqualTo(label.getValue());
            }
        }
    }

    @Test
    void acknowledgeAndResolveReachTheIncidentByTheSameDedupKey() throws Exception {
        String key = Escalation.groupKey("g-42");
        try (FakeService pd = new FakeService(Answer.of(202, ACCEPTED.formatted(key)))) {
            PagerDutyEscalation escalation = pagerDuty(pd.url("/v2/enqueue"));
            escalation.trigger(Escalation.forGroup("g-42", "3 alerts in eu-1", Escalation.Severity.WARNING,
                    Map.of("alertname", "DiskFull", "cluster", "eu-1")));
            assertThat(escalation.acknowledge(key, "alice")).isEqualTo(new EscalationResult.Sent(key));
            assertThat(escalation.resolve(key, "alice")).isEqualTo(new EscalationResult.Sent(key));

            assertThat(pd.requests()).extracting(request -> request.json().get("event_action").asString())
                    .containsExactly("trigger", "acknowledge", "resolve");
            assertThat(pd.requests()).extracting(request -> request.json().get("dedup_key").asString())
                    .containsOnly("switchboard-group-g-42");
            assertThat(pd.requests().get(1).json().has("payload")).isFalse();
        }
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutThenTheEventIsSent() throws Exception {
        try (FakeService pd = new FakeService(Answer.of(429, "").withHeader("Retry-After", "3"),
                Answer.of(202, ACCEPTED.formatted("k")))) {
            EscalationResult result = pagerDuty(pd.url("/v2/enqueue")).resolve("k", null);

            assertThat(result).isEqualTo(new EscalationResult.Sent("k"));
            assertThat(pd.requests()).hasSize(2);
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Test
    void serverErrorsAreRetriedWithCappedJitteredBackoffThenReportedUnavailable() throws Exception {
        try (FakeService pd = new FakeService(Answer.of(503, "upstream down"))) {
            EscalationResult result = pagerDuty(pd.url("/v2/enqueue")).trigger(Escalation.forAlert(diskFull("critical")));

            assertThat(result).isInstanceOf(EscalationResult.Unavailable.class);
            assertThat(((EscalationResult.Unavailable) result).reason())
                    .isEqualTo("PagerDuty kept failing (last answer 503) after 4 attempts");
            assertThat(pd.requests()).hasSize(4);
            assertThat(sleeper.waits).hasSize(3);
            long[] full = {500, 1000, 2000};
            for (int i = 0; i < 3; i++) {
                assertThat(sleeper.waits.get(i).toMillis()).as("wait %d", i).isBetween(full[i] / 2, full[i]);
            }
        }
    }

    @Test
    void aRetryAfterLongerThanAllowedGivesUpAtOnce() throws Exception {
        try (FakeService pd = new FakeService(Answer.of(429, "").withHeader("Retry-After", "3600"))) {
            EscalationResult result = pagerDuty(pd.url("/v2/enqueue")).acknowledge("k", null);

            assertThat(result).isEqualTo(new EscalationResult.Unavailable(
                    "PagerDuty answered 429 and asked to wait 3600 s, longer than the 30 s allowed"));
            assertThat(pd.requests()).hasSize(1);
            assertThat(sleeper.waits).isEmpty();
        }
    }

    @Test
    void anInvalidEventIsRejectedWithPagerDutysMessageAndNotRetried() throws Exception {
        String invalid = """
                {"status":"invalid event","message":"Event object is invalid","errors":["Length of 'routing_key' \
                is incorrect (should be 32 characters): %s"]}""".formatted(KEY);
        try (FakeService pd = new FakeService(Answer.of(400, invalid))) {
            PagerDutyEscalation escalation = pagerDuty(pd.url("/v2/enqueue"));
            EscalationResult result = escalation.trigger(Escalation.forAlert(diskFull("critical")));

            assertThat(result).isEqualTo(new EscalationResult.Rejected("PagerDuty rejected the trigger event (400):"
                    + " Event object is invalid; Length of 'routing_key' is incorrect (should be 32 characters): ***"));
            assertThat(pd.requests()).hasSize(1);
            assertThat(escalation.toString()).doesNotContain(KEY).contains("routingKey=***");
        }
    }

    @Test
    void anUnreachablePagerDutyIsUnavailableAfterTheBound() throws Exception {
        EscalationResult result = pagerDuty(FakeService.closedPort("/v2/enqueue")).acknowledge("k", "bob");

        assertThat(result).isEqualTo(new EscalationResult.Unavailable(
                "PagerDuty could not be reached (connection refused) after 4 attempts"));
        assertThat(sleeper.waits).hasSize(3);
    }
}
