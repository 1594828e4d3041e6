package dev.switchboard.chat.mattermost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local fake Mattermost server for tests, speaking the documented REST API v4 shapes (JDK HttpServer) and the
 * event WebSocket ({@link FakeMattermostSocket}), both on 127.0.0.1 and free ports. It checks the bearer token,
 * answers {@code users/me}, creates posts ({@code POST /posts}, 16,383-character limit, {@code pending_post_id}
 * de-duplication, {@code file_ids} of uploaded files) and patches them, serves teams, channels, members and file
 * uploads through {@link FakeMattermostChannels}, and broadcasts {@code posted} / {@code post_edited} events with the post as a
 * JSON string. Tests can make people post, make it answer 429 (with {@code Retry-After}) or 503 for the next N
 * calls, drop the WebSockets, and click a button (POST to the button's integration URL with its context).
 */
public final class FakeMattermost implements AutoCloseable {
    public static final String TOKEN = "fakebottoken4mattermost26x";
    static final int MAX_MESSAGE = 16_383;
    private static final Pattern PATCH = Pattern.compile("/api/v4/posts/([a-z0-9]+)/patch");
    private static final Pattern MENTION = Pattern.compile("@([a-z0-9._-]+)");

    public record User(String id, String username) {}

    record Channel(String id, String name, String type) {}

    /** A post as the fake stores it; {@code props} is a JSON object. */
    public record Post(String id, String channelId, String userId, String rootId, String message, JsonNode props,
            long createAt, List<String> fileIds) {}

    /** One REST call as the fake saw it: when (nanoTime), what, and how it answered. */
    record Call(long at, String method, String path, int status) {}

    private final ObjectMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final HttpServer http;
    private final FakeMattermostSocket socket;
    private final User bot = new User(newId(), "switchboard");
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private final FakeMattermostChannels channelApi = new FakeMattermostChannels(json, this::newId, bot.id(),
            id -> users.values().stream().anyMatch(u -> u.id().equals(id)), channels::containsKey,
            name -> put(new Channel(newId(), name, "O")).id());

    public FakeMattermost() throws IOException, InterruptedException {
        users.put(bot.username(), bot);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/api/v4/", this::handle);
        http.start();
        socket = new FakeMattermostSocket(json, TOKEN);
        socket.startAndWait();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public URI websocketUrl() {
        return socket.uri();
    }

    /** Settings for an adapter on this fake: fast retries and reconnects, a quick send timeout. */
    MattermostSettings settings() {
        return MattermostSettings.of(url(), TOKEN).withWebsocketUrl(websocketUrl())
                .withRetries(Duration.ofMillis(20), Duration.ofMillis(200), 6)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500))
                .withQueue(Duration.ofSeconds(20), 500).withRate(100, 20).withKeepAlive(Duration.ofMillis(250))
                .withTeam(FakeMattermostChannels.TEAM_NAME);
    }

    /** The team ({@value FakeMattermostChannels#TEAM_NAME}), the channels created through the API and the files. */
    public FakeMattermostChannels channelApi() {
        return channelApi;
    }

    User bot() {
        return bot;
    }

    public User user(String username) {
        return users.computeIfAbsent(username, name -> new User(newId(), name));
    }

    /** The id of the open channel {@code name}, created on first use. */
    public String channel(String name) {
        return channels.values().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseGet(() -> put(new Channel(newId(), name, "O"))).id();
    }

    /** The id of the direct channel between the bot and {@code username}. */
    String directChannel(String username) {
        String name = bot.id() + "__" + user(username).id();
        return channels.values().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseGet(() -> put(new Channel(newId(), name, "D"))).id();
    }

    /** {@code username} posts {@code text} in the channel (in the thread {@code rootId}, or null); the post's id. */
    public String userSays(String username, String channelId, String text, String rootId) {
        return create(user(username), channelId, text, rootId == null ? "" : rootId, json.createObjectNode(),
                List.of()).id();
    }

    public List<Post> posts(String channelId) {
        return order.stream().map(posts::get).filter(p -> p.channelId().equals(channelId)).toList();
    }

    Post post(String id) {
        return posts.get(id);
    }

    /** What a person sees for each post: Markdown escapes removed, button labels on their own lines. */
    public List<String> shownIn(String channelId) {
        List<String> shown = new ArrayList<>();
        for (Post post : posts(channelId)) {
            StringBuilder text = new StringBuilder(post.message().replaceAll("\\\\(\\p{Punct})", "$1")
                    .replace("\u200B", ""));
            for (JsonNode attachment : post.props().path("attachments")) {
                for (JsonNode action : attachment.path("actions")) {
                    text.append('\n').append(action.path("name").asString(""));
                }
            }
            for (String fileId : post.fileIds()) {
                text.append("\n[file ").append(channelApi.file(fileId).name()).append(']');
            }
            shown.add(text.toString());
        }
        return shown;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void rateLimitNext(int count, int retryAfter) {
        retryAfterSeconds = retryAfter;
        rateLimited.set(count);
    }

    void failNext(int count) {
        unavailable.set(count);
    }

    void dropSockets() {
        socket.dropAll();
    }

    int connectedSockets() {
        return socket.authenticatedConnections();
    }

    /**
     * {@code username} clicks the button labelled {@code label} on post {@code postId}: the fake POSTs the documented
     * callback body to the button's integration URL, with {@code context} replaced when not null. Returns the
     * integration's answer.
     */
    public HttpResponse<String> click(String postId, String username, String label, ObjectNode context)
            throws IOException, InterruptedException {
        Post post = posts.get(postId);
        JsonNode action = null;
        for (JsonNode attachment : post.props().path("attachments")) {
            for (JsonNode candidate : attachment.path("actions")) {
                if (candidate.path("name").asString("").equals(label)) {
                    action = candidate;
                }
            }
        }
        if (action == null) {
            throw new IllegalArgumentException("post " + postId + " has no button '" + label + "'");
        }
        User clicker = user(username);
        ObjectNode body = json.createObjectNode().put("user_id", clicker.id()).put("user_name", clicker.username())
                .put("channel_id", post.channelId()).put("channel_name", channels.get(post.channelId()).name())
                .put("team_id", "team1").put("team_domain", "ops").put("post_id", postId)
                .put("trigger_id", newId() + newId()).put("type", "").put("data_source", "");
        body.set("context", context != null ? context : action.path("integration").path("context"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(action.path("integration").path("url").asString()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        http.stop(0);
        socket.stop(1_000);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] request = exchange.getRequestBody().readAllBytes();
            FakeMattermostChannels.Answer served;
            Answer answer;
            if (!("Bearer " + TOKEN).equals(auth)) {
                answer = error(401, "api.context.session_expired.app_error", "Invalid or expired session, please login again.");
            } else if (method.equals("GET") && path.equals("/api/v4/users/me")) {
                answer = new Answer(200, json.createObjectNode().put("id", bot.id()).put("username", bot.username())
                        .put("is_bot", true));
            } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer = error(503, "app.fake.unavailable", "The server is restarting.");
            } else if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                exchange.getResponseHeaders().add("X-Ratelimit-Limit", "10");
                exchange.getResponseHeaders().add("X-Ratelimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-Ratelimit-Reset", Integer.toString(retryAfterSeconds));
                answer = error(429, "api.context.rate_limit.app_error", "Too many requests.");
            } else if (method.equals("POST") && path.equals("/api/v4/posts")) {
                answer = createPost(json.readTree(request));
            } else if (method.equals("PUT") && PATCH.matcher(path).matches()) {
                Matcher m = PATCH.matcher(path);
                m.matches();
                answer = patchPost(m.group(1), json.readTree(request));
            } else if ((served = channelApi.handle(method, path, exchange.getRequestHeaders()
                    .getFirst("Content-Type"), request)) != null) {
                answer = new Answer(served.status(), served.body());
            } else {
                answer = error(404, "api.context.404.app_error", "Sorry, we could not find the page.");
            }
            calls.add(new Call(System.nanoTime(), method, path, answer.status()));
            byte[] body = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private record Answer(int status, JsonNode body) {}

    private Answer createPost(JsonNode request) {
        String channelId = request.path("channel_id").asString("");
        String message = request.path("message").asString("");
        String rootId = request.path("root_id").asString("");
        if (!channels.containsKey(channelId)) {
            return error(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
        }
        if (message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            return error(400, "model.post.is_valid.msg.app_error", "Invalid Message.");
        }
        if (!rootId.isEmpty() && (!posts.containsKey(rootId) || !posts.get(rootId).channelId().equals(channelId))) {
            return error(400, "api.post.create_post.root_id.app_error", "Invalid RootId parameter.");
        }
        List<String> fileIds = new ArrayList<>();
        request.path("file_ids").forEach(id -> fileIds.add(id.asString("")));
        if (fileIds.size() > 10 || !channelApi.filesIn(channelId, fileIds)) {
            return error(400, "api.post.create_post.file_ids.app_error", "Invalid file ids.");
        }
        String pendingId = request.path("pending_post_id").asString("");
        synchronized (this) {
            if (!pendingId.isEmpty() && pending.containsKey(pendingId)) {
                return new Answer(201, toJson(posts.get(pending.get(pendingId))));
            }
            JsonNode props = request.path("props").isObject() ? request.path("props") : json.createObjectNode();
            Post post = create(bot, channelId, message, rootId, props, fileIds);
            if (!pendingId.isEmpty()) {
                pending.put(pendingId, post.id());
            }
            return new Answer(201, toJson(post));
        }
    }

    private Answer patchPost(String id, JsonNode patch) {
        Post old = posts.get(id);
        if (old == null) {
            return error(404, "app.post.get.app_error", "Unable to get the post.");
        }
        if (!old.userId().equals(bot.id())) {
            return error(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
        }
        Post post = new Post(id, old.channelId(), old.userId(), old.rootId(),
                patch.has("message") ? patch.path("message").asString("") : old.message(),
                patch.has("props") ? patch.path("props") : old.props(), old.createAt(), old.fileIds());
        posts.put(id, post);
        ObjectNode data = json.createObjectNode().put("post", toJson(post).toString());
        socket.broadcast("post_edited", data, post.channelId());
        return new Answer(200, toJson(post));
    }

    private synchronized Post create(User author, String channelId, String message, String rootId, JsonNode props,
            List<String> fileIds) {
        Post post = new Post(newId(), channelId, author.id(), rootId, message, props, System.currentTimeMillis(),
                List.copyOf(fileIds));
        posts.put(post.id(), post);
        order.add(post.id());
        Channel channel = channels.get(channelId);
        List<String> mentioned = new ArrayList<>();
        Matcher m = MENTION.matcher(message);
        while (m.find()) {
            User user = users.get(m.group(1).replaceAll("[.]+$", ""));
            if (user != null) {
                mentioned.add(user.id());
            }
        }
        ObjectNode data = json.createObjectNode().put("channel_display_name", channel.name())
                .put("channel_name", channel.name()).put("channel_type", channel.type())
                .put("post", toJson(post).toString()).put("sender_name", "@" + author.username()).put("team_id", "team1");
        if (!mentioned.isEmpty()) {
            data.put("mentions", json.valueToTree(mentioned).toString());
        }
        socket.broadcast("posted", data, channelId);
        return post;
    }

    private ObjectNode toJson(Post post) {
        ObjectNode node = json.createObjectNode().put("id", post.id()).put("create_at", post.createAt())
                .put("update_at", post.createAt()).put("user_id", post.userId()).put("channel_id", post.channelId())
                .put("root_id", post.rootId()).put("message", post.message()).put("type", "");
        node.set("props", post.props());
        post.fileIds().forEach(node.putArray("file_ids")::add);
        return node;
    }

    private Answer error(int status, String id, String message) {
        return new Answer(status, json.createObjectNode().put("id", id).put("message", message)
                .put("status_code", status));
    }

    private Channel put(Channel channel) {
        channels.put(channel.id(), channel);
        return channel;
    }

    /** A Mattermost-style id: 26 lower-case letters and digits. */
    private String newId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
