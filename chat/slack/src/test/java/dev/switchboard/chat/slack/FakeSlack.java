package dev.switchboard.chat.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Slack for tests: the Web API methods the adapter calls ({@code auth.test}, {@code apps.connections.open},
 * {@code chat.postMessage}, {@code chat.update}, {@code files.getUploadURLExternal}, the upload URL,
 * {@code files.completeUploadExternal}, and {@code conversations.create}, {@code setPurpose} and {@code invite} through
 * {@link FakeSlackConversations}) on a JDK HTTP server, plus a {@link FakeSocketModeServer}. It checks the
 * tokens, keeps each channel's messages (edits applied, file contents shown), stamps every accepted post with
 * {@code clock}, can answer 429 with {@code Retry-After} or 503 for the next calls, and turns what people say into
 * the events Slack would send (a channel mention is both an {@code app_mention} and a {@code message}, as on Slack;
 * the bot's own posts come back as {@code message} events with its {@code bot_id}).
 */
final class FakeSlack implements AutoCloseable {
    static final String BOT_TOKEN = "xoxb-fake-bot-token";
    static final String APP_TOKEN = "xapp-fake-app-token";
    static final String TEAM = "T01";
    static final String BOT_USER = "UBOT";
    static final String BOT_ID = "BBOT";
    static final String APP_ID = "A01";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A message as the channel shows it; {@code text} is what a person reads (blocks flattened, file included). */
    record Shown(String channel, String ts, String threadTs, String user, String text, String blocksJson,
                 long acceptedAt) {}

    /** One Web API call and how it was answered. */
    record Call(String method, int status, long at) {}

    /** A file shared through {@code files.completeUploadExternal}. */
    record SharedFile(String id, String channel, String threadTs, String filename, String title, String content) {}

    private final HttpServer http;
    private final FakeSocketModeServer socketMode = new FakeSocketModeServer();
    private final LongSupplier clock;
    private final Map<String, List<Shown>> channels = new ConcurrentHashMap<>();
    private final Map<String, String> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> filenames = new ConcurrentHashMap<>();
    private final List<SharedFile> files = new CopyOnWriteArrayList<>();
    private final FakeSlackConversations conversations = new FakeSlackConversations(BOT_USER);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile String throttledMethods = "chat.";
    private volatile String failingMethods = "chat.";

    FakeSlack() throws IOException, InterruptedException {
        this(System::nanoTime);
    }

    FakeSlack(LongSupplier clock) throws IOException, InterruptedException {
        this.clock = clock;
        socketMode.startAndWait();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/", this::api);
        http.createContext("/upload/", this::upload);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
    }

    URI apiBaseUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/");
    }

    FakeSocketModeServer socketMode() {
        return socketMode;
    }

    /** The next {@code count} posts and edits are answered 429 with {@code Retry-After: seconds}. */
    void throttleNext(int count, int seconds) {
        throttleNext("chat.", count, seconds);
    }

    /** The next {@code count} calls of methods starting with {@code prefix} are answered 429. */
    void throttleNext(String prefix, int count, int seconds) {
        throttledMethods = prefix;
        retryAfterSeconds = seconds;
        throttled.set(count);
    }

    /** The next {@code count} posts and edits are answered 503. */
    void failNext(int count) {
        failNext("chat.", count);
    }

    /** The next {@code count} calls of methods starting with {@code prefix} are answered 503. */
    void failNext(String prefix, int count) {
        failingMethods = prefix;
        failing.set(count);
    }

    /** Channels, their purposes and members ({@code conversations.*}); add workspace users there. */
    FakeSlackConversations conversations() {
        return conversations;
    }

    /** Every file shared so far, in order. */
    List<SharedFile> files() {
        return List.copyOf(files);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Shown> shown(String channel) {
        return List.copyOf(channels.getOrDefault(channel, List.of()));
    }

    /** {@code user} types {@code text} in {@code channel} (a thread reply when {@code threadTs} is set). */
    String userSays(String user, String channel, String threadTs, String text) {
        String ts = nextTs();
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("&lt;@" + BOT_USER + "&gt;", "<@" + BOT_USER + ">");
        record(new Shown(channel, ts, threadTs, user, text, null, clock.getAsLong()));
        boolean direct = channel.startsWith("D");
        if (!direct && escaped.contains("<@" + BOT_USER + ">")) {
            pushEvent(event("app_mention", user, channel, ts, threadTs, escaped, null));
        }
        pushEvent(event("message", user, channel, ts, threadTs, escaped, direct ? "im" : "channel"));
        return ts;
    }

    /** {@code user} clicks the button whose action id is {@code actionId} on the bot's message {@code ts}. */
    void userClicks(String user, String channel, String ts, String actionId) {
        Shown message = shown(channel).stream().filter(m -> m.ts().equals(ts)).findFirst().orElseThrow();
        JsonNode button = null;
        for (JsonNode block : JSON.readTree(message.blocksJson())) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asString(""))) {
                    button = element;
                }
            }
        }
        if (button == null) {
            throw new IllegalArgumentException("no button " + actionId + " on message " + ts);
        }
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.set("user", JSON.createObjectNode().put("id", user).put("username", user.toLowerCase())
                .put("team_id", TEAM));
        payload.put("api_app_id", APP_ID).put("token", "legacy-verification-token")
                .put("trigger_id", "trigger-" + ids.incrementAndGet());
        payload.set("container", JSON.createObjectNode().put("type", "message").put("message_ts", ts)
                .put("channel_id", channel).put("is_ephemeral", false));
        payload.set("team", JSON.createObjectNode().put("id", TEAM).put("domain", "fake"));
        payload.set("channel", JSON.createObjectNode().put("id", channel).put("name", channel.toLowerCase()));
        ObjectNode clicked = JSON.createObjectNode().put("action_id", actionId).put("block_id", "b1");
        clicked.set("text", button.get("text"));
        clicked.put("value", button.path("value").asString("")).put("type", "button").put("action_ts", nextTs());
        payload.putArray("actions").add(clicked);
        ObjectNode shownMessage = JSON.createObjectNode().put("type", "message").put("ts", ts)
                .put("user", BOT_USER).put("bot_id", BOT_ID);
        if (message.threadTs() != null) {
            shownMessage.put("thread_ts", message.threadTs());
        }
        payload.set("message", shownMessage);
        socketMode.push("interactive", payload);
    }

    /** An {@code event_callback} payload as Slack sends it. */
    ObjectNode event(String type, String user, String channel, String ts, String threadTs, String text,
                     String channelType) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("user", user).put("text", text)
                .put("ts", ts).put("channel", channel).put("event_ts", ts).put("team", TEAM);
        if (channelType != null) {
            event.put("channel_type", channelType);
        }
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        ObjectNode payload = JSON.createObjectNode().put("token", "legacy-verification-token").put("team_id", TEAM)
                .put("api_app_id", APP_ID);
        payload.set("event", event);
        payload.put("type", "event_callback").put("event_id", "Ev" + String.format("%08d", ids.incrementAndGet()))
                .put("event_time", 1_700_000_000L);
        return payload;
    }

    void pushEvent(ObjectNode payload) {
        socketMode.push("events_api", payload);
    }

    @Override
    public void close() throws InterruptedException {
        http.stop(0);
        socketMode.stop(1_000);
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : form.get("token");
        String expected = method.equals("apps.connections.open") ? APP_TOKEN : BOT_TOKEN;
        if (token == null) {
            answer(exchange, method, 200, fail("not_authed"));
            return;
        }
        if (!expected.equals(token)) {
            answer(exchange, method, 200, fail("invalid_auth"));
            return;
        }
        if (method.startsWith(throttledMethods) && throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
            answer(exchange, method, 429, fail("ratelimited"));
            return;
        }
        if (method.startsWith(failingMethods) && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, method, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
            return;
        }
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> ok.put("url", "https://fake.slack.com/").put("team", "Fake").put("user", "switchboard")
                    .put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", BOT_ID);
            case "apps.connections.open" -> ok.put("url", "ws://127.0.0.1:" + socketMode.getPort()
                    + "/link/?ticket=" + ids.incrementAndGet() + "&app_id=" + APP_ID);
            case "chat.postMessage" -> {
                String channel = form.get("channel");
                String ts = nextTs();
                record(new Shown(channel, ts, form.get("thread_ts"), BOT_USER, flatten(form), form.get("blocks"),
                        clock.getAsLong()));
                ok.put("channel", channel).put("ts", ts);
                // Slack sends the bot's own message back as an event; the adapter must ignore it.
                ObjectNode echo = event("message", BOT_USER, channel, ts, form.get("thread_ts"),
                        form.getOrDefault("text", ""), channel.startsWith("D") ? "im" : "channel");
                echo.withObject("event").put("bot_id", BOT_ID);
                pushEvent(echo);
            }
            case "chat.update" -> {
                if (!replace(form.get("channel"), form.get("ts"), flatten(form), form.get("blocks"))) {
                    answer(exchange, method, 200, fail("message_not_found"));
                    return;
                }
                ok.put("channel", form.get("channel")).put("ts", form.get("ts")).put("text", form.get("text"));
            }
            case "conversations.create", "conversations.setPurpose", "conversations.invite" -> {
                answer(exchange, method, 200, conversations.answer(method, form).toString());
                return;
            }
            case "files.getUploadURLExternal" -> {
                if (form.getOrDefault("filename", "").isBlank() || !form.getOrDefault("length", "").matches("[0-9]+")) {
                    answer(exchange, method, 200, fail("invalid_arguments"));
                    return;
                }
                String fileId = "F" + ids.incrementAndGet();
                filenames.put(fileId, form.get("filename"));
                ok.put("upload_url", "http://127.0.0.1:" + http.getAddress().getPort() + "/upload/" + fileId)
                        .put("file_id", fileId);
            }
            case "files.completeUploadExternal" -> {
                JsonNode files = JSON.readTree(form.get("files"));
                String fileId = files.get(0).get("id").stringValue();
                if (!filenames.containsKey(fileId) || !uploads.containsKey(fileId)) {
                    answer(exchange, method, 200, fail("file_not_found"));
                    return;
                }
                String comment = form.get("initial_comment");
                String content = uploads.getOrDefault(fileId, "");
                String channel = form.get("channel_id");
                this.files.add(new SharedFile(fileId, channel, form.get("thread_ts"), filenames.get(fileId),
                        files.get(0).path("title").asString(""), content));
                record(new Shown(channel, nextTs(), form.get("thread_ts"), BOT_USER,
                        comment == null ? content : comment + "\n" + content, null, clock.getAsLong()));
                ok.putArray("files").add(JSON.createObjectNode().put("id", fileId)
                        .put("title", files.get(0).path("title").asString("")));
            }
            default -> {
                answer(exchange, method, 200, fail("unknown_method"));
                return;
            }
        }
        answer(exchange, method, 200, ok.toString());
    }

    private void upload(HttpExchange exchange) throws IOException {
        String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] content = exchange.getRequestBody().readAllBytes();
        uploads.put(fileId, new String(content, StandardCharsets.UTF_8));
        answer(exchange, "upload", 200, "OK - " + content.length);
    }

    private void answer(HttpExchange exchange, String method, int status, String body) throws IOException {
        calls.add(new Call(method, status, clock.getAsLong()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String fail(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error).toString();
    }

    private void record(Shown message) {
        channels.computeIfAbsent(message.channel(), c -> new CopyOnWriteArrayList<>()).add(message);
    }

    private boolean replace(String channel, String ts, String text, String blocks) {
        List<Shown> messages = channels.getOrDefault(channel, List.of());
        for (int i = 0; i < messages.size(); i++) {
            Shown old = messages.get(i);
            if (old.ts().equals(ts)) {
                messages.set(i, new Shown(channel, ts, old.threadTs(), old.user(), text, blocks, old.acceptedAt()));
                return true;
            }
        }
        return false;
    }

    private String nextTs() {
        return "1700000000." + String.format("%06d", ids.incrementAndGet());
    }

    /** What a person sees of a posted message: its blocks' text (buttons by label), unescaped; else the text. */
    private static String flatten(Map<String, String> form) {
        String blocks = form.get("blocks");
        if (blocks == null || blocks.isBlank()) {
            return unescape(form.getOrDefault("text", ""));
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode block : JSON.readTree(blocks)) {
            switch (block.path("type").asString("")) {
                case "section" -> {
                    if (block.has("text")) {
                        parts.add(block.get("text").get("text").stringValue().replace("```\n", "")
                                .replace("\n```", ""));
                    }
                    for (JsonNode field : block.path("fields")) {
                        parts.add(field.get("text").stringValue());
                    }
                }
                case "actions" -> block.path("elements")
                        .forEach(e -> parts.add(e.path("text").path("text").asString("")));
                default -> parts.add("[" + block.path("type").asString("") + "]");
            }
        }
        return unescape(String.join("\n", parts));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
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
