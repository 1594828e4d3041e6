package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.SwitchboardException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP surface over a real socket on 127.0.0.1, driven by the JDK's HTTP and WebSocket clients. */
class HttpServerTest {
    private static final Authenticator ALICE_ONLY = new Authenticator() {
        @Override
        public Optional<String> authenticate(String user, String password) {
            return user.equals("alice") && password.equals("s3cret") ? Optional.of("alice") : Optional.empty();
        }

        @Override
        public boolean passwordRequired() {
            return true;
        }
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final RecordingBridge bridge = new RecordingBridge();
    private volatile Readiness.Report readiness =
            new Readiness.Report(true, Map.of("database", "ok"));
    private final HttpServer server = HttpServer.create(ServerSettings.loopback(0), () -> readiness, ALICE_ONLY)
            .webSocket("/chat/ws", bridge).start();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aLoggedInBrowserTalksToTheBridgeOverItsWebSocket() throws Exception {
        String cookie = logIn("alice", "s3cret");
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocket socket = http.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/chat/ws"), collecting(received))
                .get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> bridge.user != null);
        assertThat(bridge.user).isEqualTo("alice");

        socket.sendText("{\"type\":\"say\",\"room\":\"#ops\",\"text\":\"help\"}", true).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> !bridge.texts.isEmpty());
        assertThat(bridge.texts).containsExactly("{\"type\":\"say\",\"room\":\"#ops\",\"text\":\"help\"}");

        bridge.sender.accept("{\"type\":\"message\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        assertThat(received).containsExactly("{\"type\":\"message\"}");

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> bridge.closed.contains(bridge.sessionId));
    }

    @Test
    void aWebSocketWithoutALoginIsRefused() {
        var attempt = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/chat/ws"), collecting(List.of()));

        assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        assertThat(bridge.user).isNull();
    }

    @Test
    void aWebSocketWithAForgedCookieIsRefused() {
        var attempt = http.newWebSocketBuilder().header("Cookie", LoginRoutes.COOKIE + "=forged")
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/chat/ws"), collecting(List.of()));

        assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(WebSocketHandshakeException.class);
        assertThat(bridge.user).isNull();
    }

    @Test
    void aFailedLoginIs401WithTheSameMessageForUnknownUsersAndWrongPasswords() throws Exception {
        HttpResponse<String> wrongPassword = postLogin("alice", "guess");
        HttpResponse<String> unknownUser = postLogin("mallory", "s3cret");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body()).contains("login failed");
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=alice&password=s3cret")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aLoginSetsAStrictHttpOnlyCookieAndTheSessionKnowsTheUser() throws Exception {
        HttpResponse<String> response = postLogin("alice", "s3cret");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/chat/");
        assertThat(response.headers().firstValue("Set-Cookie")).get().asString()
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        HttpResponse<String> session = get("/session", cookieOf(response));
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).isEqualTo("{\"user\":\"alice\",\"passwordRequired\":true}");
    }

    @Test
    void healthzIsAliveAndReadyzShowsEveryComponent() throws Exception {
        assertThat(get("/healthz", null).body()).isEqualTo("{\"status\":\"alive\"}");
        HttpResponse<String> ready = get("/readyz", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"components\":{\"database\":\"ok\"}}");
    }

    @Test
    void readyzIs503WhenAComponentIsNotReady() throws Exception {
        readiness = new Readiness.Report(false, Map.of("web", "stopped"));

        HttpResponse<String> response = get("/readyz", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"not ready\",\"components\":{\"web\":\"stopped\"}}");
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theRootLeadsToTheChatPage() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/chat/");

        HttpResponse<String> page = get("/chat/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("test chat page");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aTakenPortIsReportedClearly() {
        HttpServer second = HttpServer.create(ServerSettings.loopback(server.port()), () -> readiness, ALICE_ONLY);

        assertThatThrownBy(second::start).isInstanceOf(SwitchboardException.class).hasMessage("port "
                + server.port() + " on 127.0.0.1 is already in use; start with --port N or set server.port");
    }

    @Test
    void aCrashShowsARefAndNoStackTrace() throws Exception {
        Authenticator broken = new Authenticator() {
            @Override
            public Optional<String> authenticate(String user, String password) {
                throw new IllegalStateException("user table is gone");
            }

            @Override
            public boolean passwordRequired() {
                return true;
            }
        };
        HttpServer crashing = HttpServer.create(ServerSettings.loopback(0), () -> readiness, broken).start();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + crashing.port() + "/login"))
                    .header("Origin", "http://127.0.0.1:" + crashing.port())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=alice&password=x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).matches("\\{\"error\":\"something went wrong \\(ref [0-9a-f]{6}\\)\",\"ref\":"
                    + "\"[0-9a-f]{6}\"}").doesNotContain("user table").doesNotContain("Exception");
        } finally {
            crashing.stop();
        }
    }

    private String logIn(String user, String password) throws Exception {
        HttpResponse<String> response = postLogin(user, password);
        assertThat(response.statusCode()).isEqualTo(303);
        return cookieOf(response);
    }

    private HttpResponse<String> postLogin(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/login"))
                .header("Origin", "http://127.0.0.1:" + server.port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static WebSocket.Listener collecting(List<String> received) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                received.add(data.toString());
                socket.request(1);
                return null;
            }
        };
    }

    /** Remembers what the server handed over. */
    private static final class RecordingBridge implements WsBridge {
        volatile String sessionId;
        volatile String user;
        volatile Consumer<String> sender;
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();

        @Override
        public void opened(String sessionId, String user, Consumer<String> sender) {
            this.sessionId = sessionId;
            this.sender = sender;
            this.user = user;
        }

        @Override
        public void text(String sessionId, String text) {
            texts.add(text);
        }

        @Override
        public void closed(String sessionId) {
            closed.add(sessionId);
        }
    }
}
