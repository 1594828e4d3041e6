package dev.switchboard.alerts.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.alerts.action.FakeService.Answer;
import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceMatcher;
import dev.switchboard.api.alert.SilenceRequest;
import dev.switchboard.api.alert.SilenceResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertmanagerSilencesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TOKEN = "am-T0KEN-9f8e7d";
    private static final String CREATED = "{\"silenceID\":\"7d5b2f0e-1c3a-4b8e-9f00-2a1b3c4d5e6f\"}";

    private static AlertmanagerSilences silences(URI url, AlertmanagerAuth auth) {
        return new AlertmanagerSilences(AlertmanagerConfig.of(url).withAuth(auth), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SilenceRequest diskFullFor2h(String reason) {
        return SilenceRequest.forLabels(Map.of("alertname", "DiskFull", "instance", "host1:9100"),
                Duration.ofHours(2), "alice", reason);
    }

    @Test
    void aSilenceIsCreatedFromLabelsWithWhoAskedAndWhy() throws Exception {
        try (FakeService am = new FakeService(Answer.of(200, CREATED))) {
            SilenceResult result = silences(am.url("/"), new AlertmanagerAuth.Bearer(TOKEN))
                    .create(diskFullFor2h("disk swap on host1"));

            Silence silence = ((SilenceResult.Silenced) result).silence();
            assertThat(silence.id()).isEqualTo("7d5b2f0e-1c3a-4b8e-9f00-2a1b3c4d5e6f");
            assertThat(silence.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
            FakeService.Request request = am.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/api/v2/silences");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            JsonNode body = request.json();
            assertThat(body.get("createdBy").asString()).isEqualTo("alice");
            assertThat(body.get("comment").asString()).isEqualTo("disk swap on host1 (via Switchboard)");
            assertThat(body.get("startsAt").asString()).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(body.get("endsAt").asString()).isEqualTo("2026-03-01T12:00:00Z");
            assertThat(body.get("matchers").toString()).isEqualTo("[{\"name\":\"alertname\",\"value\":\"DiskFull\","
                    + "\"isRegex\":false,\"isEqual\":true},{\"name\":\"instance\",\"value\":\"host1:9100\","
                    + "\"isRegex\":false,\"isEqual\":true}]");
        }
    }

    @Test
    void typedRegexAndNegativeMatchersAreSentAsAlertmanagerFlags() throws Exception {
        try (FakeService am = new FakeService(Answer.of(200, CREATED))) {
            List<SilenceMatcher> typed = ((MatcherSyntax.Parsed.Matchers) MatcherSyntax
                    .parse("alertname=Foo cluster=~eu-.* severity!~info|none")).matchers();
            silences(am.url(""), new AlertmanagerAuth.Basic("sb", "pw")).create(
                    new SilenceRequest(typed, Duration.ofMinutes(30), "bob", ""));

            FakeService.Request request = am.only();
            assertThat(request.header("Authorization")).isEqualTo("Basic c2I6cHc=");
            assertThat(request.json().get("comment").asString()).isEqualTo("silenced via Switchboard");
            assertThat(request.json().get("matchers")).extracting(m -> m.get("name").asString() + " "
                    + m.get("isRegex").asBoolean() + " " + m.get("isEqual").asBoolean())
                    .containsExactly("alertname false true", "cluster true true", "severity true false");
        }
    }

    @Test
    void aSilenceThatWouldMuteEverythingOrLastTooLongIsRefusedBeforeCallingAlertmanager() throws Exception {
        try (FakeService am = new FakeService(Answer.of(200, CREATED))) {
            AlertmanagerSilences silences = silences(am.url(""), new AlertmanagerAuth.None());
            SilenceResult everything = silences.create(new SilenceRequest(
                    List.of(new SilenceMatcher("alertname", ".*", SilenceMatcher.Op.REGEX)), Duration.ofHours(1),
                    "alice", "noise"));
            SilenceResult tooLong = silences.create(SilenceRequest.forLabels(Map.of("alertname", "X"),
                    Duration.ofDays(30), "alice", "vacation"));

            assertThat(everything).isInstanceOf(SilenceResult.Refused.class);
            assertThat(((SilenceResult.Refused) everything).reason()).contains("would mute every alert");
            assertThat(tooLong).isEqualTo(new SilenceResult.Refused("a silence may last at most 7d, not 30d"));
            assertThat(am.requests()).isEmpty();
        }
    }

    @Test
    void alertmanagersOwnRefusalIsShownWithoutTheToken() throws Exception {
        try (FakeService am = new FakeService(Answer.of(400,
                "\"silence invalid: invalid label matcher 0: bad token " + TOKEN + "\""))) {
            SilenceResult result = silences(am.url(""), new AlertmanagerAuth.Bearer(TOKEN))
                    .create(diskFullFor2h("x"));

            assertThat(result).isEqualTo(new SilenceResult.Refused("Alertmanager at http://127.0.0.1:"
                    + am.url("").getPort() + " refused the silence (400): silence invalid: invalid label matcher 0:"
                    + " bad token ***"));
        }
    }

    @Test
    void refusedCredentialsAndServerErrorsAreTellingAndSecretFree() throws Exception {
        try (FakeService am = new FakeService(Answer.of(401, "Unauthorized " + TOKEN),
                Answer.of(500, "{\"message\":\"storage broken\"}"))) {
            AlertmanagerSilences silences = silences(am.url(""), new AlertmanagerAuth.Bearer(TOKEN));
            assertThat(silences.expire("7d5b2f0e")).isEqualTo(new SilenceResult.Refused("Alertmanager at"
                    + " http://127.0.0.1:" + am.url("").getPort() + " refused Switchboard's credentials (401)"));
            assertThat(silences.find("7d5b2f0e")).isEqualTo(new SilenceResult.Unavailable("Alertmanager at"
                    + " http://127.0.0.1:" + am.url("").getPort() + " failed (500): storage broken"));
            assertThat(silences.toString()).doesNotContain(TOKEN).contains("token=***");
        }
    }

    @Test
    void aDownAlertmanagerIsUnavailableNamingOnlyItsAddress() throws Exception {
        URI down = FakeService.closedPort("/");
        SilenceResult result = silences(down, new AlertmanagerAuth.Basic("sb", "s3cret")).create(diskFullFor2h("x"));

        assertThat(result).isEqualTo(new SilenceResult.Unavailable("Alertmanager at http://127.0.0.1:"
                + down.getPort() + " could not be reached (connection refused)"));
    }

    @Test
    void findReadsTheSilenceAndUnknownOrMalformedIdsAreNotFound() throws Exception {
        String described = """
                {"id":"abc-1","status":{"state":"expired"},"updatedAt":"2026-03-01T10:05:00Z",
                 "matchers":[{"name":"job","value":"node|bb","isRegex":true,"isEqual":false},
                             {"name":"alertname","value":"X","isRegex":false}],
                 "startsAt":"2026-03-01T10:00:00Z","endsAt":"2026-03-01T10:05:00.123Z",
                 "createdBy":"alice","comment":"x (via Switchboard)"}""";
        try (FakeService am = new FakeService(Answer.of(200, described), Answer.of(404, ""))) {
            AlertmanagerSilences silences = silences(am.url(""), new AlertmanagerAuth.None());

            assertThat(silences.find("abc-1")).isEqualTo(new SilenceResult.Silenced(new Silence("abc-1",
                    Silence.State.EXPIRED, List.of(new SilenceMatcher("job", "node|bb", SilenceMatcher.Op.NOT_REGEX),
                    SilenceMatcher.equal("alertname", "X")), NOW, Instant.parse("2026-03-01T10:05:00.123Z"),
                    "alice", "x (via Switchboard)")));
            assertThat(silences.find("abc-2")).isEqualTo(new SilenceResult.NotFound("abc-2"));
            assertThat(silences.expire("../status")).isEqualTo(new SilenceResult.NotFound("../status"));
            assertThat(am.requests()).extracting(FakeService.Request::pathAndQuery)
                    .containsExactly("/api/v2/silence/abc-1", "/api/v2/silence/abc-2");
        }
    }

    @Test
    void expiringAnUnknownSilenceIsNotFoundThoughAlertmanagerAnswers500() throws Exception {
        try (FakeService am = new FakeService(Answer.of(500, "\"silence not found\""))) {
            assertThat(silences(am.url(""), new AlertmanagerAuth.None()).expire("abc-3"))
                    .isEqualTo(new SilenceResult.NotFound("abc-3"));
            assertThat(am.only().method()).isEqualTo("DELETE");
        }
    }

    @Test
    void aBaseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> AlertmanagerConfig.of(URI.create("http://sb:hunter2@am.example:9093")))
                .hasMessage("alerts.alertmanager.url must not hold credentials (user:password@); give them in the"
                        + " auth settings instead");
    }
}
