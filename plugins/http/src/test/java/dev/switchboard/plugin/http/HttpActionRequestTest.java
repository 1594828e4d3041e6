package dev.switchboard.plugin.http;

import dev.switchboard.testkit.RecordingJobContext;
import static dev.switchboard.plugin.http.Actions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What reaches the server: method, URL, headers and body, with hostile argument values kept in their place. */
class HttpActionRequestTest {
    private final LocalServer server = new LocalServer();
    private final RecordingJobContext context = new RecordingJobContext();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theConfiguredMethodHeadersAndBodyArriveWithHostileValuesEscaped() throws Exception {
        String note = "\"}, \"admin\": true, \"x\": \"\\\n</script>";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "{service}");
        body.put("note", "deploy: {note}");
        body.put("replicas", 3);
        body.put("dryRun", false);
        body.put("tags", List.of("{service}", "fixed", Map.of("nested", "{note}")));
        Map<String, Object> settings = Map.of("method", "post", "url", server.base() + "/deploy",
                "headers", Map.of("X-Service", "svc-{service}", "Authorization", "Bearer t0ken"), "body", body);

        ActionResult result = run("deploy {service} {note...}", settings, Map.of("service", "web", "note", note),
                context);

        assertThat(result).isInstanceOf(ActionResult.Succeeded.class);
        LocalServer.Received request = server.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/deploy");
        assertThat(request.header("X-Service")).isEqualTo("svc-web");
        assertThat(request.header("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        Object sent = JsonMapper.builder().build().readValue(request.body(), Object.class);
        assertThat(sent).isEqualTo(Map.of("service", "web", "note", "deploy: " + note, "replicas", 3,
                "dryRun", false, "tags", List.of("web", "fixed", Map.of("nested", note))));
    }

    @Test
    void urlCharactersInValuesStayInsideTheirPathSegmentOrQueryComponent() throws Exception {
        Map<String, String> args = Map.of("job", "../admin?x=1#top", "ref", "main&force=true#x?y=/z", "who", "a b+c");
        ActionResult result = run("build {job} at {ref} for {who}",
                Map.of("url", server.base() + "/jobs/{job}/build?ref={ref}&by={who}&delay=0"), args, context);

        assertThat(result).isInstanceOf(ActionResult.Succeeded.class);
        LocalServer.Received request = server.received().getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/jobs/..%2Fadmin%3Fx%3D1%23top/build");
        assertThat(query(request.rawQuery())).containsExactly(Map.entry("ref", "main&force=true#x?y=/z"),
                Map.entry("by", "a b+c"), Map.entry("delay", "0"));
    }

    @Test
    void aValueThatWouldBeADotSegmentIsRefusedWithoutSendingAnything() throws Exception {
        ActionResult result = run("build {job}", Map.of("url", server.base() + "/jobs/{job}/build"),
                Map.of("job", ".."), context);

        assertThat(result).isEqualTo(ActionResult.failed(
                "GET /jobs/../build was not sent: the arguments would put a . or .. segment into the URL path"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aHeaderValueCannotSmuggleInAnotherHeader() throws Exception {
        ActionResult result = run("tag {t}", Map.of("url", server.base() + "/tag", "headers", Map.of("X-Tag", "{t}")),
                Map.of("t", "x\r\nX-Admin: true"), context);

        assertThat(result).isEqualTo(ActionResult.failed(
                "GET /tag was not sent: header X-Tag would contain characters HTTP does not allow"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void everyMethodIsSentAsConfigured() throws Exception {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            run("go", Map.of("method", method, "url", server.base() + "/thing"), Map.of(), context);
        }

        assertThat(server.received()).extracting(LocalServer.Received::method)
                .containsExactly("GET", "PUT", "PATCH", "DELETE");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
