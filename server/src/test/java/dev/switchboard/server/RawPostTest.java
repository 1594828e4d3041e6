package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Raw POST endpoints (platform webhooks such as /slack/events) over a real socket on 127.0.0.1. */
class RawPostTest {
    private static final Authenticator NOBODY = new Authenticator() {
        @Override
        public Optional<String> authenticate(String user, String password) {
            return Optional.empty();
        }

        @Override
        public boolean passwordRequired() {
            return true;
        }
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final HttpServer server = HttpServer.create(ServerSettings.loopback(0),
                    () -> new Readiness.Report(true, Map.of()), NOBODY)
            .post("/hook", (h, body) -> {
                headers.add(h);
                bodies.add(body);
                return new RawPost.Answer(202, "application/json; charset=utf-8", "{\"challenge\":\"c1\"}");
            })
            .post("/broken", (h, body) -> {
                throw new IllegalStateException("secret-ish internals");
            })
            .start();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theHandlerGetsTheExactBytesAndHeadersAndItsAnswerGoesBackAsGiven() throws Exception {
        byte[] sent = "{\"a\": \"é\" }\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = http.send(request("/hook")
                .header("X-Slack-Signature", "v0=abc").POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        // Jetty writes the parameter without the space; the media type and charset are what the handler said
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("application/json;charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"challenge\":\"c1\"}");
        assertThat(bodies).singleElement().isEqualTo(sent);
        assertThat(headers.getFirst().get("x-slack-signature")).isEqualTo("v0=abc");
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413BeforeTheHandlerSeesIt() throws Exception {
        byte[] big = new byte[HttpServer.MAX_POST_BYTES + 1];

        HttpResponse<String> declared = http.send(request("/hook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(request("/hook")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).isEqualTo("the request body is larger than 1048576 bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(bodies).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = http.send(request("/hook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpServer.MAX_POST_BYTES])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(bodies).singleElement().satisfies(b -> assertThat(b).hasSize(HttpServer.MAX_POST_BYTES));
    }

    @Test
    void aFailingHandlerGivesTheGeneric500WithAReferenceAndNoInternals() throws Exception {
        HttpResponse<String> response = http.send(request("/broken")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("something went wrong (ref ").doesNotContain("internals", "Exception");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }
}
