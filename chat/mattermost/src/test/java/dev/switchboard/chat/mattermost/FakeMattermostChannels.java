package dev.switchboard.chat.mattermost;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team, channel and file endpoints of {@link FakeMattermost}, in the documented REST API v4 shapes: {@code GET
 * /teams/name/{name}}, {@code POST /channels} (name rules, {@code store.sql_channel.save_channel.exists.app_error}
 * for a taken name), {@code POST /channels/{id}/members} ({@code app.user.missing_account.const} for an unknown
 * user) and {@code POST /files} (multipart {@code channel_id} + {@code files}, answered with {@code file_infos}).
 * Thread-safe.
 */
public final class FakeMattermostChannels {
    private static final Pattern MEMBERS = Pattern.compile("/api/v4/channels/([a-z0-9]+)/members");
    private static final Pattern TEAM = Pattern.compile("/api/v4/teams/name/([^/]+)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,62}[a-z0-9])?");

    /** A channel created through the API, with its purpose and members. */
    public record Room(String id, String teamId, String name, String displayName, String purpose,
            Set<String> members) {}

    /** An uploaded file: where, under which name and type, and its text. */
    public record UploadedFile(String id, String channelId, String name, String mimeType, String content) {}

    /** What an endpoint answers. */
    record Answer(int status, JsonNode body) {}

    private final ObjectMapper json;
    private final Supplier<String> ids;
    private final Predicate<String> userExists;
    private final Predicate<String> channelExists;
    private final Function<String, String> registerChannel;
    private final String botId;
    private final String teamId;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, UploadedFile> files = new ConcurrentHashMap<>();

    /** {@code registerChannel} adds an open channel named so to the fake (for posts) and returns its id. */
    FakeMattermostChannels(ObjectMapper json, Supplier<String> ids, String botId, Predicate<String> userExists,
            Predicate<String> channelExists, Function<String, String> registerChannel) {
        this.json = json;
        this.ids = ids;
        this.botId = botId;
        this.userExists = userExists;
        this.channelExists = channelExists;
        this.registerChannel = registerChannel;
        this.teamId = ids.get();
    }

    /** The one team, named {@code ops}. */
    public static final String TEAM_NAME = "ops";

    public String teamId() {
        return teamId;
    }

    /** The channel created with this name, or null. */
    public Room room(String name) {
        return rooms.values().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    public UploadedFile file(String id) {
        return files.get(id);
    }

    /** An earlier channel of the team (not through the bot), so its name is taken. */
    public void existing(String name) {
        String id = registerChannel.apply(name);
        rooms.put(id, new Room(id, teamId, name, name, "", Set.of()));
    }

    /** The answer for a request this class serves, or null when the path is not one of its endpoints. */
    synchronized Answer handle(String method, String path, String contentType, byte[] body) {
        Matcher team = TEAM.matcher(path);
        Matcher members = MEMBERS.matcher(path);
        if (method.equals("GET") && team.matches()) {
            return team.group(1).equals(TEAM_NAME) ? new Answer(200, json.createObjectNode().put("id", teamId)
                    .put("name", TEAM_NAME).put("display_name", "Ops").put("type", "O"))
                    : error(404, "app.team.get_by_name.missing.app_error", "Unable to find the existing team.");
        }
        if (method.equals("POST") && path.equals("/api/v4/channels")) {
            return createChannel(json.readTree(body));
        }
        if (method.equals("POST") && members.matches()) {
            return addMember(members.group(1), json.readTree(body).path("user_id").asString(""));
        }
        if (method.equals("POST") && path.equals("/api/v4/files")) {
            return upload(contentType, new String(body, StandardCharsets.UTF_8));
        }
        return null;
    }

    /** Whether every id names a file uploaded to {@code channelId}. */
    boolean filesIn(String channelId, List<String> fileIds) {
        return fileIds.stream().allMatch(id -> files.containsKey(id) && files.get(id).channelId().equals(channelId));
    }

    private Answer createChannel(JsonNode request) {
        String name = request.path("name").asString("");
        String displayName = request.path("display_name").asString("");
        String type = request.path("type").asString("");
        if (!request.path("team_id").asString("").equals(teamId)) {
            return error(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
        }
        if (!NAME.matcher(name).matches()) {
            return error(400, "model.channel.is_valid.2_or_more.app_error", "Name must be 2 or more lowercase "
                    + "alphanumeric characters.");
        }
        if (displayName.isBlank() || displayName.length() > 64) {
            return error(400, "model.channel.is_valid.display_name.app_error", "Invalid display name.");
        }
        if (!type.equals("O") && !type.equals("P")) {
            return error(400, "model.channel.is_valid.type.app_error", "Invalid type.");
        }
        if (room(name) != null) {
            return error(400, "store.sql_channel.save_channel.exists.app_error",
                    "A channel with that name already exists on the same team.");
        }
        String id = registerChannel.apply(name);
        Room room = new Room(id, teamId, name, displayName, request.path("purpose").asString(""), Set.of(botId));
        rooms.put(id, room);
        return new Answer(201, json.createObjectNode().put("id", id).put("create_at", System.currentTimeMillis())
                .put("team_id", teamId).put("type", type).put("display_name", displayName).put("name", name)
                .put("header", "").put("purpose", room.purpose()).put("creator_id", botId));
    }

    private Answer addMember(String channelId, String userId) {
        Room room = rooms.get(channelId);
        if (room == null) {
            return error(404, "app.channel.get.existing.app_error", "Unable to find the existing channel.");
        }
        if (!userId.matches("[a-z0-9]{26}")) {
            return error(400, "api.context.invalid_body_param.app_error", "Invalid or missing user_id in request "
                    + "body.");
        }
        if (!userExists.test(userId)) {
            return error(404, "app.user.missing_account.const", "Unable to find the user.");
        }
        Set<String> members = new LinkedHashSet<>(room.members());
        members.add(userId);
        rooms.put(channelId, new Room(room.id(), room.teamId(), room.name(), room.displayName(), room.purpose(),
                Set.copyOf(members)));
        return new Answer(201, json.createObjectNode().put("channel_id", channelId).put("user_id", userId)
                .put("roles", "channel_user").put("msg_count", 0).put("mention_count", 0));
    }

    private Answer upload(String contentType, String body) {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
            return error(400, "api.file.upload_file.read_request.app_error", "Unable to read the request.");
        }
        Map<String, String[]> parts = new HashMap<>();
        for (String part : body.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            Matcher name = Pattern.compile("name=\"([^\"]*)\"(; filename=\"([^\"]*)\")?").matcher(part);
            if (headersEnd < 0 || !name.find()) {
                continue;
            }
            Matcher type = Pattern.compile("Content-Type: ([^\r\n]+)").matcher(part.substring(0, headersEnd));
            String value = part.substring(headersEnd + 4).replaceFirst("\r\n$", "");
            parts.put(name.group(1), new String[] {value, name.group(3), type.find() ? type.group(1) : ""});
        }
        String channelId = parts.containsKey("channel_id") ? parts.get("channel_id")[0] : "";
        if (!channelExists.test(channelId)) {
            return error(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
        }
        String[] file = parts.get("files");
        if (file == null || file[1] == null || file[1].isBlank()) {
            return error(400, "api.file.upload_file.incorrect_number_of_files.app_error",
                    "Unable to upload files. Incorrect number of files specified.");
        }
        UploadedFile uploaded = new UploadedFile(ids.get(), channelId, file[1], file[2], file[0]);
        files.put(uploaded.id(), uploaded);
        ObjectNode answer = json.createObjectNode();
        answer.putArray("file_infos").addObject().put("id", uploaded.id()).put("user_id", botId).put("post_id", "")
                .put("create_at", System.currentTimeMillis()).put("name", uploaded.name())
                .put("extension", uploaded.name().contains(".") ? uploaded.name().substring(
                        uploaded.name().lastIndexOf('.') + 1) : "")
                .put("size", file[0].getBytes(StandardCharsets.UTF_8).length).put("mime_type", uploaded.mimeType());
        answer.putArray("client_ids");
        return new Answer(201, answer);
    }

    private Answer error(int status, String id, String message) {
        return new Answer(status, json.createObjectNode().put("id", id).put("message", message)
                .put("detailed_error", "").put("request_id", ids.get()).put("status_code", status));
    }
}
