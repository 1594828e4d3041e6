package dev.switchboard.chat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A browser tab without a network: records the frames the adapter sends it and replays them into a screen. */
final class FakeBrowser implements WebChatSession {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final String user;
    final List<String> frames = new CopyOnWriteArrayList<>();

    FakeBrowser(String id, String user) {
        this.id = id;
        this.user = user;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void send(String jsonFrame) {
        frames.add(jsonFrame);
    }

    List<JsonNode> parsed() {
        return frames.stream().map(JSON::readTree).toList();
    }

    /** The frames of one type, parsed. */
    List<JsonNode> ofType(String type) {
        return parsed().stream().filter(f -> f.path("type").asString().equals(type)).toList();
    }

    /** What this tab shows in a room: "from: text" per message, oldest first, edits applied, empty ones hidden. */
    List<String> screen(String room) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (JsonNode frame : parsed()) {
            if (!frame.path("room").asString().equals(room)) {
                continue;
            }
            switch (frame.path("type").asString()) {
                case "history" -> {
                    shown.clear();
                    frame.path("messages").forEach(m -> shown.put(m.path("id").asString(), line(m)));
                }
                case "message" -> shown.put(frame.path("id").asString(), line(frame));
                case "edit" -> shown.computeIfPresent(frame.path("id").asString(),
                        (id, old) -> old.substring(0, old.indexOf(": ") + 2) + text(frame.path("reply")));
                default -> { }
            }
        }
        return shown.values().stream().filter(s -> !s.endsWith(": ")).toList();
    }

    private static String line(JsonNode message) {
        return message.path("from").asString() + ": " + text(message.path("reply"));
    }

    /** A rendered reply as plain text; buttons show their labels. */
    static String text(JsonNode reply) {
        List<String> parts = new ArrayList<>();
        for (JsonNode block : reply.path("blocks")) {
            switch (block.path("type").asString()) {
                case "text", "code" -> parts.add(block.path("text").asString());
                case "fields" -> block.path("fields").forEach(
                        f -> parts.add(f.path("label").asString() + ": " + f.path("value").asString()));
                case "table" -> {
                    parts.add(cells(block.path("headers")));
                    block.path("rows").forEach(r -> parts.add(cells(r)));
                }
                case "buttons" -> block.path("buttons").forEach(b -> parts.add("[" + b.path("label").asString() + "]"));
                case "file" -> parts.add("[file " + block.path("name").asString() + "]\n" + block.path("text").asString());
                default -> parts.add("?" + block);
            }
        }
        return String.join("\n", parts);
    }

    private static String cells(JsonNode row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.asString()));
        return String.join(" | ", cells);
    }
}
