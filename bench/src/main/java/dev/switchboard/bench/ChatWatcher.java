package dev.switchboard.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person watching one web chat room during a storm: logs in ({@code POST /login}, open login), opens
 * {@code /chat/ws}, joins the room and records, with the time it arrived, every post ({@code message}) and edit of
 * the bot there, keeping the first text block of each (a group's or summary's title). Thread-safe: frames arrive on
 * the HTTP client's threads.
 */
final class ChatWatcher implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One post or edit as it arrived: {@code nanos} from {@link System#nanoTime()}. */
    record Seen(long nanos, boolean edit, String id, String title) {}

    private final String room;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebSocket socket;

    private ChatWatcher(String room) {
        this.room = room;
    }

    /** Logs {@code user} in, joins {@code room} and waits (bounded) until its history arrived. */
    static ChatWatcher watch(int port, String user, String room) throws Exception {
        ChatWatcher watcher = new ChatWatcher(room);
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=";
        HttpResponse<String> login = watcher.http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + port).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("web chat login of " + user + " answered " + login.statusCode());
        }
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        watcher.socket = watcher.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat/ws"), watcher.listener())
                .get(10, TimeUnit.SECONDS);
        watcher.await("welcome", () -> watcher.frames.stream().anyMatch(f -> f.contains("\"welcome\"")));
        watcher.socket.sendText(JSON.createObjectNode().put("type", "join").put("room", room).toString(), true)
                .get(10, TimeUnit.SECONDS);
        watcher.await("history of " + room, () -> watcher.frames.stream()
                .anyMatch(f -> f.contains("\"history\"") && f.contains("\"room\":\"" + room + "\"")));
        return watcher;
    }

    /** Every post and edit seen so far, in arrival order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The latest title of the most recent message whose title starts with {@code prefix}, or "" if none. */
    String latestTitle(String prefix) {
        List<Seen> all = seen();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).title().startsWith(prefix)) {
                return all.get(i).title();
            }
        }
        return "";
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        http.close();
    }

    private void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the web chat sent no " + what + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(10); // polling a condition the server sets; bounded by WAIT
        }
    }

    private void received(String frame, long nanos) {
        frames.add(frame);
        JsonNode node = JSON.readTree(frame);
        String type = node.path("type").asString("");
        if (!room.equals(node.path("room").asString("")) || !(type.equals("message") || type.equals("edit"))) {
            return;
        }
        if (type.equals("message") && !"switchboard".equals(node.path("from").asString(""))) {
            return;
        }
        String title = "";
        for (JsonNode block : node.path("reply").path("blocks").values()) {
            if (block.path("type").asString("").equals("text")) {
                title = block.path("text").asString("");
                break;
            }
        }
        seen.add(new Seen(nanos, type.equals("edit"), node.path("id").asString(""), title));
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received(partial.toString(), System.nanoTime());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }
}
