package dev.switchboard.app.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Just enough of Slack for the app's end-to-end tests in HTTP Events mode: the Web API's {@code auth.test} and
 * {@code chat.postMessage} on a JDK HTTP server (tokens checked; posts kept as channel and text), and people whose
 * messages are sent, signed with the app's signing secret as Slack signs them, to Switchboard's
 * {@code POST /slack/events}. Thread-safe.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String BOT_TOKEN = "xoxb-e2e-bot-token";
    static final String SIGNING_SECRET = "e2e-signing-secret";
    static final String TEAM = "T01";
    static final String BOT_USER = "UBOT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message the bot posted. */
    record Post(String channel, String text) {}

    private final HttpServer http;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeSlackApi() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/api/", this::api);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/";
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    /**
     * {@code user} types {@code text} in {@code channel}: the event Slack would send, signed, posted to the server.
     * Returns the HTTP status Switchboard answered.
     */
    int userSays(int switchboardPort, String user, String channel, String text) {
        String ts = "1700000000." + String.format("%06d", ids.incrementAndGet());
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("user", user).put("text", text)
                .put("ts", ts).put("channel", channel).put("channel_type", "channel").put("team", TEAM);
        ObjectNode payload = JSON.createObjectNode().put("type", "event_callback").put("team_id", TEAM)
                .put("event_id", "Ev" + ts.replace(".", ""));
        payload.set("event", event);
        return postSigned(switchboardPort, "/slack/events", payload.toString().getBytes(StandardCharsets.UTF_8),
                SIGNING_SECRET).statusCode();
    }

    /** Posts {@code body} to Switchboard signed with {@code secret} (the wrong one, to test refusals). */
    HttpResponse<String> postSigned(int port, String path, byte[] body, String secret) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError("could not post to Switchboard's " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : form.get("token");
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        if (!BOT_TOKEN.equals(token)) {
            answer.put("ok", false).put("error", "invalid_auth");
        } else if (method.equals("auth.test")) {
            answer.put("url", "https://fake.slack.com/").put("team", "Fake").put("user", "switchboard")
                    .put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "BBOT");
        } else if (method.equals("chat.postMessage")) {
            String ts = "1700000001." + String.format("%06d", ids.incrementAndGet());
            posts.add(new Post(form.get("channel"), form.getOrDefault("text", "")));
            answer.put("channel", form.get("channel")).put("ts", ts);
        } else {
            answer.put("ok", false).put("error", "unknown_method");
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
