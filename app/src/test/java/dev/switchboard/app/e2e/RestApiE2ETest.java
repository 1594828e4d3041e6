package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The REST API of a real Switchboard whose API token was made by {@code switchboard token new} and pasted into the
 * configuration as printed: alerts posted to the Alertmanager webhook are read back with their history and their
 * group, an incident declared in chat is read back with its postmortem, and calls without the token are refused
 * and audited.
 */
class RestApiE2ETest {
    private static final String HOOK_TOKEN = "e2e-alertmanager-token-0123";
    private static final String ALERTS = """
            alerts:
              receivers:
                - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
              defaultRoute: { to: ["web:#alerts"], groupBy: [alertname], groupWait: 100ms, groupInterval: 200ms }
            """;

    @TempDir
    static Path dir;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() {
        List<String> printed = tokenNew("--name", "e2e-dashboard", "--user", "alice").lines().toList();
        token = printed.stream().map(String::strip).filter(l -> l.startsWith("sbt_")).findFirst().orElseThrow();
        // paste the printed entry as shown (two spaces of display indent removed) into the server section
        String entry = printed.stream().filter(l -> l.strip().startsWith("- { name: e2e-dashboard")).findFirst()
                .orElseThrow().substring(2);
        server = TestServer.prepare(dir, "open");
        server.writeFile("am-token", HOOK_TOKEN + "\n");
        server.editConfig(text -> text.replace("  port: 0\n", "  port: 0\n  apiTokens:\n" + entry + "\n")
                + "\n" + ALERTS);
        server.restart();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokenNewPrintsAnSbtTokenAndItsHashButStoresNothing() {
        assertThat(token).matches("sbt_[A-Za-z0-9_-]{43}");
        assertThat(server.configText()).contains("name: e2e-dashboard, user: alice, sha256: \"")
                .doesNotContain(token);
    }

    @Test
    void alertsPostedToTheWebhookAreReadBackWithTheirHistoryAndGroup() throws Exception {
        HttpResponse<String> hook = post("/hooks/alertmanager", payload("alertmanager-firing.json"));
        assertThat(hook.statusCode()).isEqualTo(200);

        HttpResponse<String> firing = get("/api/v1/alerts?status=firing&label=alertname=DiskFull", token);
        String alert = get("/api/v1/alerts/10fd2ebfb5d5241b", token).body();

        assertThat(firing.statusCode()).isEqualTo(200);
        assertThat(firing.body()).contains("\"fingerprint\":\"10fd2ebfb5d5241b\"").contains("\"name\":\"DiskFull\"");
        assertThat(alert).contains("\"history\":[{\"seq\":1,\"status\":\"firing\"");
        String groups = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/v1/alert-groups", token).body(), b -> b.contains("\"lastPostedAt\":\"20"));
        Matcher id = Pattern.compile("\"id\":\"([a-z0-9]{6})\",\"route\":\"[^\"]*\",\"conversation\":\"web:#alerts\"")
                .matcher(groups);
        assertThat(id.find()).as(groups).isTrue();
        String group = get("/api/v1/alert-groups/" + id.group(1), token).body();
        assertThat(group).contains("\"fingerprint\":\"10fd2ebfb5d5241b\"").contains("\"message\":{\"conversation\":"
                + "\"web:#alerts\",\"id\":\"");
        assertThat(get("/api/v1/alerts/10fd2ebfb5d5241b", token).body())
                .contains("\"groups\":[\"" + id.group(1) + "\"]");
    }

    @Test
    void anIncidentDeclaredInChatHasItsTimelineAndPostmortemInTheApi() throws Exception {
        String incident;
        try (WebChatClient alice = server.connect("alice").join("#checkout")) {
            String declared = alice.ask("incident declare sev2 checkout errors", "Declared INC-\\d+");
            Matcher number = Pattern.compile("INC-\\d+").matcher(declared);
            assertThat(number.find()).isTrue();
            incident = number.group();
            alice.ask("incident note follow-up: add a canary", "(?i)note");
            alice.ask("incident resolve config rolled back", "(?i)resolved");
        }

        String one = get("/api/v1/incidents/" + incident, token).body();
        HttpResponse<String> postmortem = get("/api/v1/incidents/" + incident + "/postmortem", token);

        assertThat(one).contains("\"status\":\"resolved\"").contains("\"summary\":\"config rolled back\"")
                .contains("\"kind\":\"note\",\"text\":\"follow-up: add a canary\"");
        assertThat(postmortem.statusCode()).isEqualTo(200);
        assertThat(postmortem.headers().firstValue("Content-Type")).get().asString().startsWith("text/markdown");
        assertThat(postmortem.body()).startsWith("# Postmortem " + incident + ": checkout errors")
                .contains("add a canary");
        assertThat(get("/api/v1/incidents?status=all", token).body()).contains("\"id\":\"" + incident + "\"");
    }

    @Test
    void callsWithoutAValidTokenAreRefusedAndAudited() throws Exception {
        HttpResponse<String> none = get("/api/v1/incidents", null);
        HttpResponse<String> wrong = get("/api/v1/incidents", "sbt_not-a-real-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
        try (WebChatClient carol = server.connect("carol").join("#admins")) {
            assertThat(carol.ask("audit last 20", "audit events")).contains("| system | denied | incidents");
        }
    }

    @Test
    void anUnknownApiPathIsAJson404NamingTheEndpointsThereAre() throws Exception {
        HttpResponse<String> answer = get("/api/v1/alert/10fd2ebfb5d5241b", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(answer.body()).contains("there is no endpoint GET /api/v1/alert/10fd2ebfb5d5241b")
                .contains("/api/v1/alerts/{fingerprint}");
    }

    private static String tokenNew(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 2];
        all[0] = "token";
        all[1] = "new";
        System.arraycopy(args, 0, all, 2, args.length);
        assertThat(cli.execute(all)).isZero();
        return out.toString();
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + HOOK_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String payload(String name) {
        try (InputStream in = RestApiE2ETest.class.getClassLoader().getResourceAsStream("e2e/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
