package dev.switchboard.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.incident.InMemoryIncidentStore;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.Readiness;
import dev.switchboard.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST API over a real socket on 127.0.0.1: tokens, policy, audit, and each endpoint's JSON. */
class RestApiTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String ALICE_TOKEN = ApiTokens.generate(new SecureRandom());
    private static final String BOB_TOKEN = ApiTokens.generate(new SecureRandom());
    private static final String GONE_TOKEN = ApiTokens.generate(new SecureRandom());

    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final FixedAlertStore alerts = new FixedAlertStore();
    private final InMemoryIncidentStore incidents = new InMemoryIncidentStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile List<AlertGroups.Group> groups = List.of();
    private HttpServer server;

    private HttpServer start(AlertStore alertStore) {
        ApiTokens tokens = new ApiTokens(List.of(new ApiToken("dashboard", "alice", ApiTokens.hash(ALICE_TOKEN)),
                new ApiToken("bobs-script", "bob", ApiTokens.hash(BOB_TOKEN)),
                new ApiToken("old", "gone", ApiTokens.hash(GONE_TOKEN))));
        Policy policy = (who, invocation, where) -> who.id().equals("bob") && invocation.commandId().equals("alerts")
                ? Decision.deny("only on-call people may read alerts", "policy.yaml:4 allow alerts")
                : Decision.allow("policy.yaml:2 allow *");
        CommandSet commands = new CommandSet(text -> new ParseResult.NoMatch(text, List.of()), List.of(), Map.of());
        ApiGate gate = new ApiGate(policy, () -> commands, id -> id.equals("gone") ? Optional.empty()
                : Optional.of(new Principal(id, Set.of("sre"), true, true)));
        AtomicInteger refs = new AtomicInteger();
        RestApi api = new RestApi(tokens, gate, event -> {
            audited.add(event);
            return new AuditRecord(audited.size(), event, "", "");
        }, Clock.fixed(T0, ZoneOffset.UTC), () -> "ref" + refs.incrementAndGet())
                .alerts(alertStore, new AlertGroups() {
                    @Override
                    public List<Group> all() {
                        return groups;
                    }

                    @Override
                    public Optional<Group> find(String id) {
                        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
                    }

                    @Override
                    public List<String> groupsOf(String fingerprint) {
                        return groups.stream().filter(g -> g.alerts().stream()
                                .anyMatch(a -> a.fingerprint().equals(fingerprint))).map(Group::id).toList();
                    }
                })
                .incidents(incidents);
        server = HttpServer.create(ServerSettings.loopback(0), () -> new Readiness.Report(true, Map.of()),
                new NoLogins()).api(api).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRequestWithoutATokenIs401WithWwwAuthenticateAndIsAudited() throws Exception {
        start(alerts);

        HttpResponse<String> response = get("/api/v1/alerts", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(response.body()).contains("Authorization: Bearer");
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.DENIED);
            assertThat(e.detail()).containsEntry("channel", "api").containsEntry("reason", "no API token");
            assertThat(e.text()).isEqualTo("GET /api/v1/alerts");
        });
    }

    @Test
    void aWrongTokenAndTheTokenOfARemovedUserGetTheSameAnswer() throws Exception {
        start(alerts);

        HttpResponse<String> wrong = get("/api/v1/incidents", "sbt_guessed-token-000000000000000000000000000");
        HttpResponse<String> removed = get("/api/v1/incidents", GONE_TOKEN);
        HttpResponse<String> basic = get("/api/v1/incidents", null, "Basic YWxpY2U6cw==");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(removed.statusCode()).isEqualTo(401);
        assertThat(removed.body()).isEqualTo(wrong.body()).isEqualTo("{\"error\":\"the API token is not valid\"}");
        assertThat(basic.statusCode()).as("another scheme is no token").isEqualTo(401);
        assertThat(audited).extracting(AuditEvent::type).containsOnly(AuditEventType.DENIED);
        assertThat(audited.toString()).doesNotContain(GONE_TOKEN).doesNotContain("guessed-token");
    }

    @Test
    void aUserThePolicyDeniesGets403WithTheReasonAndEveryCallIsAuditedAsThatUser() throws Exception {
        start(alerts);

        HttpResponse<String> denied = get("/api/v1/alerts", BOB_TOKEN);
        HttpResponse<String> allowed = get("/api/v1/incidents", BOB_TOKEN);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"error\":\"only on-call people may read alerts\"}");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.DENIED);
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.account()).isEqualTo("api:bobs-script");
            assertThat(e.commandId()).isEqualTo("alerts");
            assertThat(e.rule()).isEqualTo("policy.yaml:4 allow alerts");
        });
        assertThat(audited.get(1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.RECEIVED);
            assertThat(e.commandId()).isEqualTo("incidents");
            assertThat(e.conversation()).isEqualTo("api:v1");
            assertThat(e.detail()).containsEntry("channel", "api").containsEntry("token", "bobs-script")
                    .containsEntry("status", "200");
        });
        assertThat(audited.toString()).doesNotContain(BOB_TOKEN);
    }

    @Test
    void alertsListsTheLatestStatePerAlertFilteredAndPaged() throws Exception {
        start(alerts);
        alerts.record(List.of(alert("a1", "DiskFull", Alert.Status.FIRING, "eu-1", 1),
                alert("a2", "CpuHigh", Alert.Status.FIRING, "eu-1", 2),
                alert("a3", "DiskFull", Alert.Status.FIRING, "us-1", 3),
                alert("a1", "DiskFull", Alert.Status.RESOLVED, "eu-1", 4)));

        String firingInEu = get("/api/v1/alerts?status=firing&label=cluster=eu-1", ALICE_TOKEN).body();
        HttpResponse<String> first = get("/api/v1/alerts?limit=2", ALICE_TOKEN);
        String second = get("/api/v1/alerts?limit=2&cursor=2", ALICE_TOKEN).body();

        assertThat(firingInEu).contains("\"fingerprint\":\"a2\"").doesNotContain("\"a1\"").doesNotContain("\"a3\"");
        assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(first.body()).startsWith("{\"alerts\":[{\"fingerprint\":\"a1\",\"name\":\"DiskFull\","
                + "\"status\":\"resolved\",\"severity\":\"critical\",\"summary\":\"DiskFull in eu-1\","
                + "\"source\":\"alertmanager\",\"receiver\":\"am\",\"labels\":{\"alertname\":\"DiskFull\","
                + "\"cluster\":\"eu-1\"},\"annotations\":{},\"links\":[],\"startsAt\":\"2025-03-01T10:00:01Z\","
                + "\"endsAt\":\"2025-03-01T10:00:04Z\",\"receivedAt\":\"2025-03-01T10:00:04Z\"}")
                .contains("\"fingerprint\":\"a3\"").endsWith("],\"next\":\"2\"}");
        assertThat(second).contains("\"fingerprint\":\"a2\"").endsWith("\"next\":null}");
    }

    @Test
    void anAlertShowsItsHistoryOfTransitionsAndItsGroups() throws Exception {
        start(alerts);
        Alert firing = alert("f1", "DiskFull", Alert.Status.FIRING, "eu-1", 1);
        alerts.record(List.of(firing, alert("f1", "DiskFull", Alert.Status.RESOLVED, "eu-1", 2)));
        alerts.record(List.of(alert("f1", "DiskFull", Alert.Status.FIRING, "eu-1", 5)));
        groups = List.of(group("grp001", firing));

        String body = get("/api/v1/alerts/f1", ALICE_TOKEN).body();

        assertThat(body).contains("\"status\":\"firing\"")
                .contains("\"history\":[{\"seq\":1,\"status\":\"firing\",\"at\":\"2025-03-01T10:00:01Z\","
                        + "\"receivedAt\":\"2025-03-01T10:00:01Z\"},{\"seq\":2,\"status\":\"resolved\","
                        + "\"at\":\"2025-03-01T10:00:02Z\",\"receivedAt\":\"2025-03-01T10:00:02Z\"},{\"seq\":3,"
                        + "\"status\":\"firing\",\"at\":\"2025-03-01T10:00:05Z\",\"receivedAt\":\"2025-03-01T10:00:05Z\"}]")
                .endsWith("\"groups\":[\"grp001\"]}");
    }

    @Test
    void unknownIdsAre404NamingWhatWasNotFound() throws Exception {
        start(alerts);

        HttpResponse<String> alert = get("/api/v1/alerts/nope", ALICE_TOKEN);
        HttpResponse<String> group = get("/api/v1/alert-groups/zzz999", ALICE_TOKEN);
        HttpResponse<String> incident = get("/api/v1/incidents/INC-9", ALICE_TOKEN);
        HttpResponse<String> badId = get("/api/v1/incidents/42/postmortem", ALICE_TOKEN);

        assertThat(List.of(alert, group, incident, badId)).extracting(HttpResponse::statusCode).containsOnly(404);
        assertThat(alert.body()).isEqualTo("{\"error\":\"no alert with fingerprint 'nope'\"}");
        assertThat(group.body()).contains("no alert group 'zzz999'");
        assertThat(incident.body()).isEqualTo("{\"error\":\"no incident 'INC-9'\"}");
        assertThat(badId.body()).contains("incident ids look like INC-3");
    }

    @Test
    void badParametersAre400NamingTheParameterAndWhatWasExpected() throws Exception {
        start(alerts);

        assertThat(problem("/api/v1/alerts?status=burning"))
                .isEqualTo("parameter 'status' is 'burning'; expected one of all, firing, resolved");
        assertThat(problem("/api/v1/alerts?limit=501"))
                .isEqualTo("parameter 'limit' is 501; expected a whole number from 1 to 500");
        assertThat(problem("/api/v1/alerts?limit=ten")).contains("parameter 'limit' is 'ten'");
        assertThat(problem("/api/v1/alerts?label=cluster")).contains("expected name=value");
        assertThat(problem("/api/v1/incidents?stauts=all"))
                .isEqualTo("unknown parameter 'stauts'; expected cursor, limit, status");
        assertThat(problem("/api/v1/incidents?status=closed")).contains("expected one of open, all");
        assertThat(problem("/api/v1/alerts?cursor=-1")).contains("parameter 'cursor'");
    }

    @Test
    void alertGroupsShowRouteConversationCountsMembersAndTheMessagePosted() throws Exception {
        start(alerts);
        groups = List.of(group("grp001", alert("m1", "KubePodCrashLooping", Alert.Status.FIRING, "eu-1", 1),
                alert("m2", "KubePodCrashLooping", Alert.Status.RESOLVED, "eu-1", 2)));

        String list = get("/api/v1/alert-groups", ALICE_TOKEN).body();
        String one = get("/api/v1/alert-groups/grp001", ALICE_TOKEN).body();

        assertThat(list).isEqualTo("{\"groups\":[{\"id\":\"grp001\",\"route\":\"default\",\"conversation\":"
                + "\"web:#alerts\",\"thread\":null,\"labels\":{\"cluster\":\"eu-1\"},\"title\":\"KubePodCrashLooping\","
                + "\"severity\":\"critical\",\"counts\":{\"total\":2,\"firing\":1,\"resolved\":1,\"byName\":"
                + "{\"KubePodCrashLooping\":2}},\"message\":{\"conversation\":\"web:#alerts\",\"id\":\"msg-7\"},"
                + "\"folded\":false,\"closed\":false,\"openedAt\":\"2025-03-01T10:00:00Z\",\"lastPostedAt\":"
                + "\"2025-03-01T10:00:00Z\",\"lastSentAt\":null}],\"next\":null}");
        assertThat(one).contains("\"alerts\":[{\"fingerprint\":\"m1\",\"name\":\"KubePodCrashLooping\","
                + "\"status\":\"firing\",\"severity\":\"critical\"},{\"fingerprint\":\"m2\"");
    }

    @Test
    void incidentsListOpenOrAllAndShowTheTimelineAndThePostmortem() throws Exception {
        start(alerts);
        ConversationRef ops = ConversationRef.of("web", "#ops");
        Incident first = incidents.declare(new NewIncident("checkout errors", Incident.Severity.SEV2, "alice", ops, T0),
                new TimelineEntry(T0, "alice", TimelineEntry.Kind.DECLARED, "declared sev2 checkout errors"));
        incidents.update(first.resolved(T0.plusSeconds(600), "rolled back"),
                new TimelineEntry(T0.plusSeconds(600), "alice", TimelineEntry.Kind.RESOLVED, "rolled back"));
        incidents.declare(new NewIncident("search slow", Incident.Severity.SEV3, "bob", ops, T0.plusSeconds(700)),
                new TimelineEntry(T0.plusSeconds(700), "bob", TimelineEntry.Kind.DECLARED, "declared"));

        String open = get("/api/v1/incidents", ALICE_TOKEN).body();
        String all = get("/api/v1/incidents?status=all&limit=1", ALICE_TOKEN).body();
        String rest = get("/api/v1/incidents?status=all&limit=1&cursor=1", ALICE_TOKEN).body();
        String one = get("/api/v1/incidents/INC-1", ALICE_TOKEN).body();
        HttpResponse<String> postmortem = get("/api/v1/incidents/INC-1/postmortem", ALICE_TOKEN);

        assertThat(open).contains("\"id\":\"INC-2\"").doesNotContain("INC-1");
        assertThat(all).contains("\"id\":\"INC-1\"").endsWith("\"next\":\"1\"}");
        assertThat(rest).contains("\"id\":\"INC-2\"").doesNotContain("INC-1").endsWith("\"next\":null}");
        assertThat(one).startsWith("{\"id\":\"INC-1\",\"title\":\"checkout errors\",\"severity\":\"sev2\","
                + "\"status\":\"resolved\",\"roles\":{\"commander\":\"alice\"},\"conversation\":\"web:#ops\","
                + "\"thread\":null,\"declaredAt\":\"2025-03-01T10:00:00Z\",\"resolvedAt\":\"2025-03-01T10:10:00Z\","
                + "\"summary\":\"rolled back\",\"revision\":2,\"timeline\":[{\"at\":\"2025-03-01T10:00:00Z\","
                + "\"who\":\"alice\",\"kind\":\"declared\",\"text\":\"declared sev2 checkout errors\"}");
        assertThat(postmortem.statusCode()).isEqualTo(200);
        assertThat(postmortem.headers().firstValue("Content-Type")).get().asString().startsWith("text/markdown");
        assertThat(postmortem.body()).startsWith("# Postmortem INC-1: checkout errors").contains("rolled back");
    }

    @Test
    void aFailingStoreIs500WithAReferenceAndNoStackTrace() throws Exception {
        start(new FixedAlertStore() {
            @Override
            public List<Alert> query(AlertQuery query) {
                throw new dev.switchboard.api.StorageException("while listing alerts: connection refused",
                        new java.sql.SQLException("db down"));
            }
        });

        HttpResponse<String> response = get("/api/v1/alerts", ALICE_TOKEN);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).matches("\\{\"error\":\"something went wrong \\(ref ref\\d+\\)\",\"ref\":\"ref\\d+\"}");
        assertThat(audited).last().extracting(e -> e.detail().get("status")).isEqualTo("500");
    }

    private String problem(String path) throws Exception {
        HttpResponse<String> response = get(path, ALICE_TOKEN);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        String body = response.body();
        return body.substring("{\"error\":\"".length(), body.length() - 2);
    }

    private static Alert alert(String fingerprint, String name, Alert.Status status, String cluster, int second) {
        Instant at = T0.plusSeconds(second);
        return new Alert("alertmanager", "am", fingerprint, name, "critical", status,
                Map.of("alertname", name, "cluster", cluster), Map.of(), name + " in " + cluster, List.of(),
                status == Alert.Status.FIRING ? at : T0.plusSeconds(1), status == Alert.Status.FIRING ? null : at, at);
    }

    private static AlertGroups.Group group(String id, Alert... members) {
        return new AlertGroups.Group(id, "default", ConversationRef.of("web", "#alerts"), Map.of("cluster", "eu-1"),
                members[0].name(), "critical", List.of(members), "msg-7", false, false, T0, T0, null);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, token == null ? null : "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String token, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class NoLogins implements dev.switchboard.server.Authenticator {
        @Override
        public Optional<String> authenticate(String user, String password) {
            return Optional.empty();
        }

        @Override
        public boolean passwordRequired() {
            return true;
        }
    }
}
