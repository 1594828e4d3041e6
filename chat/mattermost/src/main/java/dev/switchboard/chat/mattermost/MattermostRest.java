package dev.switchboard.chat.mattermost;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few REST API v4 calls the adapter makes ({@code users/me}, create and patch posts, upload files, find a team,
 * create channels and add members), each answered as a
 * {@link RestResult} value; nothing here retries or throws for an HTTP or network failure. The token goes only into
 * the {@code Authorization} header, never into a result or log line. Thread-safe.
 */
final class MattermostRest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_RATE_LIMIT_WAIT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI api;
    private final String token;

    MattermostRest(HttpClient http, ObjectMapper json, URI serverUrl, String token) {
        this.http = http;
        this.json = json;
        this.api = URI.create(serverUrl + "/api/v4/");
        this.token = token;
    }

    RestResult me() {
        return call(request("users/me").GET());
    }

    /** {@code POST /posts}: {@code post} holds channel_id, message and optionally root_id, props, pending_post_id. */
    RestResult createPost(ObjectNode post) {
        return call(request("posts").POST(body(post)).header("Content-Type", "application/json"));
    }

    /** {@code PUT /posts/{id}/patch} with the fields to replace (message, props). */
    RestResult patchPost(String postId, ObjectNode patch) {
        return call(request("posts/" + pathSegment(postId) + "/patch").PUT(body(patch))
                .header("Content-Type", "application/json"));
    }

    /**
     * {@code POST /files}: uploads {@code content} as the file {@code filename} to the channel (multipart form:
     * {@code channel_id}, then {@code files}); the answer's {@code file_infos[0].id} goes into a post's
     * {@code file_ids}.
     */
    RestResult uploadFile(String channelId, String filename, String mediaType, String content) {
        String boundary = "switchboard-" + Long.toHexString(System.nanoTime()) + "-"
                + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String safeName = filename.replaceAll("[\"\\r\\n\\\\]", "_");
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"channel_id\"\r\n\r\n" + channelId + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + mediaType.replaceAll("[\\r\\n]", "") + "\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return call(request("files").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** {@code GET /teams/name/{name}}: the team, whose {@code id} channels are created in. */
    RestResult teamByName(String name) {
        return call(request("teams/name/" + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET());
    }

    /** {@code POST /channels}: {@code channel} holds team_id, name, display_name, type and optionally purpose. */
    RestResult createChannel(ObjectNode channel) {
        return call(request("channels").POST(body(channel)).header("Content-Type", "application/json"));
    }

    /** {@code POST /channels/{id}/members} adding {@code userId}. */
    RestResult addMember(String channelId, String userId) {
        return call(request("channels/" + pathSegment(channelId) + "/members")
                .POST(body(json.createObjectNode().put("user_id", userId))).header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest");
    }

    private HttpRequest.BodyPublisher body(ObjectNode node) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(node), StandardCharsets.UTF_8);
    }

    private RestResult call(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String what = request.method() + " " + request.uri().getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new RestResult.Unavailable(what + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RestResult.Unavailable(what + " was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new RestResult.Ok(parse(response.body()).orElseGet(json::createObjectNode));
        }
        if (status == 429) {
            return new RestResult.RateLimited(rateLimitWait(response));
        }
        String why = what + " answered " + status + serverMessage(response.body());
        return status >= 500 || status == 408 ? new RestResult.Unavailable(why)
                : new RestResult.Refused(status, why, parse(response.body()).map(n -> n.path("id").asString(""))
                        .orElse(""));
    }

    /** {@code Retry-After} first (seconds), then {@code X-Ratelimit-Reset} (seconds until reset, or an epoch time). */
    static Duration rateLimitWait(HttpResponse<?> response) {
        Optional<Long> seconds = number(response, "Retry-After").or(() -> number(response, "X-Ratelimit-Reset")
                .map(s -> s > 1_000_000_000L ? s - Instant.now().getEpochSecond() : s));
        Duration wait = seconds.filter(s -> s > 0).map(Duration::ofSeconds).orElse(DEFAULT_RATE_LIMIT_WAIT);
        return wait.compareTo(LONGEST_RATE_LIMIT_WAIT) > 0 ? LONGEST_RATE_LIMIT_WAIT : wait;
    }

    private static Optional<Long> number(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).flatMap(value -> {
            try {
                return Optional.of((long) Math.ceil(Double.parseDouble(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The server's own error text ({@code {"message": ...}}), shortened; it never contains our token. */
    private String serverMessage(String body) {
        String message = parse(body).map(node -> node.path("message").asString("")).orElse("");
        if (message.isBlank()) {
            return "";
        }
        return ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    static boolean isPostId(String id) {
        return id.matches("[A-Za-z0-9]{1,64}");
    }

    private static String pathSegment(String id) {
        if (!isPostId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a Mattermost post id (letters and digits)");
        }
        return id;
    }
}
