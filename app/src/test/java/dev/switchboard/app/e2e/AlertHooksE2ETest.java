package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.e2e.WebChatClient.Message;
import dev.switchboard.app.wiring.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Switchboard with an Alertmanager receiver (bearer token from a file) and a default route to {@code web:#alerts}:
 * Alertmanager's webhook is taken at {@code POST /hooks/alertmanager}, the group is posted to the room people watch,
 * its resolve edits that message, a missing token is refused with 401 and a wrong one with 403, posting nothing, and each request is audited.
 */
class AlertHooksE2ETest {
    private static final String TOKEN = "e2e-alertmanager-token-0123";
    private static final String KEY = "e2e-uptime-hmac-key-4567";
    private static final String ALERTS = """
            alerts:
              receivers:
                - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
                - name: uptime
                  kind: generic
                  auth: { hmac: { header: X-Signature, secret: "${file:uptime-key}", prefix: "sha256=" } }
                  mapping: { alerts: /checks, name: /title, status: /state, statusValues: { down: firing } }
              defaultRoute: { to: ["web:#alerts"], groupBy: [alertname], groupWait: 100ms, groupInterval: 200ms }
              budget: { postsPerSecond: 20, burst: 5, maxDelay: 5s }
            """;

    @TempDir
    static Path dir;
    @TempDir
    static Path badDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.prepare(dir, "open");
        server.writeFile("am-token", TOKEN + "\n");
        server.writeFile("uptime-key", KEY);
        server.editConfig(text -> text + "\n" + ALERTS);
        server.restart();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFiringAlertIsPostedToAlertsAndItsResolveEditsThatMessage() throws Exception {
        try (WebChatClient alice = server.connect("alice").join("#alerts")) {
            HttpResponse<String> firing = hook(TOKEN, payload("alertmanager-firing.json"));

            assertThat(firing.statusCode()).isEqualTo(200);
            assertThat(firing.body()).contains("\"opened\":1");
            Message posted = alice.awaitPosted("DiskFull");
            assertThat(posted.latest()).contains("[CRITICAL]").contains("Disk on host1 is 95% full");

            HttpResponse<String> resolved = hook(TOKEN, payload("alertmanager-resolved.json"));

            assertThat(resolved.statusCode()).isEqualTo(200);
            assertThat(alice.awaitLatest(posted.id(), "RESOLVED")).contains("DiskFull");
            assertThat(alice.messagesIn("#alerts").stream().filter(m -> m.latest().contains("DiskFull")))
                    .as("the resolve edits the message instead of posting another").hasSize(1);
        }
    }

    @Test
    void aWrongTokenIsRefusedWith403AndPostsNothing() throws Exception {
        try (WebChatClient bob = server.connect("bob").join("#alerts")) {
            String refusedAlert = payload("alertmanager-firing.json").replace("DiskFull", "WrongTokenAlert")
                    .replace("10fd2ebfb5d5241b", "aaaaaaaaaaaaaaaa");
            String laterAlert = payload("alertmanager-firing.json").replace("DiskFull", "RightTokenAlert")
                    .replace("10fd2ebfb5d5241b", "bbbbbbbbbbbbbbbb");

            HttpResponse<String> wrong = hook("not-the-token-0000000000", refusedAlert);
            HttpResponse<String> right = hook(TOKEN, laterAlert);

            assertThat(wrong.statusCode()).as("a token that is present but wrong").isEqualTo(403);
            assertThat(wrong.body()).contains("refused").doesNotContain(TOKEN).doesNotContain("not-the-token");
            assertThat(right.statusCode()).isEqualTo(200);
            bob.awaitPosted("RightTokenAlert");
            assertThat(bob.messagesIn("#alerts")).noneMatch(m -> m.latest().contains("WrongTokenAlert"));
        }
    }

    @Test
    void aMissingTokenIs401AndEveryRequestIsAudited() throws Exception {
        HttpResponse<String> missing = post("/hooks/alertmanager", null, payload("alertmanager-firing.json"));

        assertThat(missing.statusCode()).isEqualTo(401);
        try (WebChatClient carol = server.connect("carol")) {
            carol.join("#admins");
            String audit = carol.ask("audit last 20", "audit events");
            assertThat(audit).contains("alert_received");
        }
    }

    @Test
    void aBadMatcherInTheAlertsSectionStopsStartWithItsFileLineAndColumn() {
        TestServer bad = TestServer.prepare(badDir, "open");
        bad.writeFile("am-token", TOKEN + "\n");
        bad.writeFile("uptime-key", KEY);
        bad.editConfig(text -> text + "\n" + ALERTS.replace("  defaultRoute:",
                "  routes: [ { name: eu, matchers: ['cluster=~\"eu-(\"'], to: [\"web:#alerts\"] } ]\n  defaultRoute:"));

        Startup startup = bad.boot(OptionalInt.of(0));

        assertThat(startup).isInstanceOf(Startup.Refused.class);
        assertThat(((Startup.Refused) startup).reasons()).singleElement().asString()
                .matches("switchboard\\.yaml:\\d+:\\d+: alerts\\.routes\\[0\\]\\.matchers\\[0\\]: the regular "
                        + "expression for label cluster is not valid.*");
    }

    @Test
    void aGenericReceiverIsServedAtItsOwnPathAndChecksTheSignatureOfTheRawBody() throws Exception {
        try (WebChatClient alice = server.connect("alice").join("#alerts")) {
            String body = "{\"checks\":[{\"title\":\"UptimeCheckDown\",\"state\":\"down\"}]}";
            String forged = body.replace("UptimeCheckDown", "ForgedCheckDown");

            HttpResponse<String> signed = signedPost(body, sign(body));
            HttpResponse<String> tampered = signedPost(forged, sign(body));

            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(tampered.statusCode()).isEqualTo(403);
            alice.awaitPosted("UptimeCheckDown");
            assertThat(alice.messagesIn("#alerts")).noneMatch(m -> m.latest().contains("ForgedCheckDown"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unsigned          | /hooks/generic/uptime | none  | 401 | needs a signature in header X-Signature
            unknown receiver  | /hooks/generic/nope   | token | 404 | there is no generic receiver named 'nope'
            not JSON          | /hooks/alertmanager   | token | 400 | the body is not valid JSON
            wrong schema      | /hooks/alertmanager   | token | 422 | alerts[0].startsAt: expected an RFC 3339 time
            oversized         | /hooks/alertmanager   | token | 413 | takes at most 1048576 bytes
            """)
    void aBadRequestGetsAClear4xxIsAuditedAsRefusedAndStoresNothing(String what, String path, String auth, int status,
            String message) throws Exception {
        String name = "BadInput" + status;
        String alert = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"" + name + "\"},\"startsAt\":"
                + (status == 422 ? "\"yesterday\"" : "\"2026-11-26T15:00:00Z\"");
        String body = switch (status) {
            case 400 -> "{\"version\":\"4\",\"alerts\":[" + alert;
            case 413 -> "{\"version\":\"4\",\"alerts\":[" + alert + ",\"annotations\":{\"pad\":\""
                    + "x".repeat(1_100_000) + "\"}}]}";
            default -> "{\"version\":\"4\",\"alerts\":[" + alert + "}]}";
        };

        HttpResponse<String> answer = post(path, auth.equals("token") ? TOKEN : null, body);

        assertThat(answer.statusCode()).as(what).isEqualTo(status);
        assertThat(answer.body()).contains("\"status\":\"refused\"").contains(message);
        try (WebChatClient carol = server.connect("carol")) {
            carol.join("#admins");
            assertThat(carol.ask("alerts all alertname=" + name, "alerts")).contains("No alerts");
            assertThat(carol.ask("audit type:alert_received limit:1", "audit events"))
                    .contains("| alert_received | - | status=refused httpStatus=" + status);
        }
    }

    private static HttpResponse<String> signedPost(String body, String signature) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/hooks/generic/uptime")).header("Content-Type", "application/json")
                    .header("X-Signature", "sha256=" + signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> hook(String token, String body) throws Exception {
        return post("/hooks/alertmanager", token, body);
    }

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String payload(String name) {
        try (InputStream in = AlertHooksE2ETest.class.getClassLoader().getResourceAsStream("e2e/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
