package dev.switchboard.app.cli;

import dev.switchboard.api.reply.PlainText;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the web chat's server frames into the lines the terminal shows: {@code alice: deploy web to staging},
 * {@code switchboard: pong}, {@code (edited) switchboard: ...}, {@code ! <error>}. A reply of several lines is
 * shown as {@code switchboard:} followed by its lines indented by two spaces (so tables stay aligned). Messages in
 * a room other than the current one are prefixed with it ({@code [dm:alice] ...}). History is shown only for the
 * current room, at most the last {@value #HISTORY_SHOWN} messages. Thread-safe (all methods synchronized).
 */
final class ShellTranscript {
    static final int HISTORY_SHOWN = 10;
    private static final int AUTHORS_REMEMBERED = 2_000;
    private static final String BOT = "switchboard";

    private final ObjectMapper json;
    private String room;
    private long botMessages;
    // Edit frames carry no sender, so remember who posted each message id (bounded, oldest forgotten).
    private final Map<String, String> authors = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > AUTHORS_REMEMBERED;
        }
    };

    ShellTranscript(ObjectMapper json, String room) {
        this.json = json;
        this.room = room;
    }

    synchronized String room() {
        return room;
    }

    synchronized void room(String next) {
        room = next;
    }

    /** How many messages from Switchboard and error frames have arrived: the answers to what was said. */
    synchronized long answers() {
        return botMessages;
    }

    /** The lines to print for one frame (possibly none). Never throws for bad input. */
    synchronized List<String> lines(String frame) {
        JsonNode node;
        try {
            node = json.readTree(frame);
        } catch (JacksonException e) {
            return List.of("! the server sent a frame that is not JSON; ignored");
        }
        List<String> lines = new ArrayList<>();
        switch (text(node, "type")) {
            case "message" -> {
                String from = text(node, "from");
                if (from.equals(BOT)) {
                    botMessages++;
                }
                authors.put(text(node, "id"), from);
                show(lines, prefix(text(node, "room")), from, node.get("reply"));
            }
            case "edit" -> {
                String from = authors.getOrDefault(text(node, "id"), BOT);
                Reply reply = WebReplyReader.read(node.get("reply"));
                if (reply.blocks().isEmpty()) {
                    lines.add(prefix(text(node, "room")) + "(removed) a message from " + from);
                } else {
                    show(lines, prefix(text(node, "room")) + "(edited) ", from, node.get("reply"));
                }
            }
            case "history" -> history(lines, node);
            case "error" -> {
                botMessages++;
                lines.add("! " + text(node, "message"));
            }
            default -> { } // welcome, and frame types newer than this shell: nothing to show
        }
        return lines;
    }

    private void history(List<String> lines, JsonNode node) {
        String of = text(node, "room");
        if (!of.equals(room)) {
            return;
        }
        JsonNode messages = node.get("messages");
        int count = messages != null && messages.isArray() ? messages.size() : 0;
        lines.add("-- " + of + (count == 0 ? " --" : " (recent messages) --"));
        for (int i = Math.max(0, count - HISTORY_SHOWN); i < count; i++) {
            JsonNode message = messages.get(i);
            authors.put(text(message, "id"), text(message, "from"));
            show(lines, "", text(message, "from"), message.get("reply"));
        }
    }

    private static void show(List<String> lines, String prefix, String from, JsonNode replyNode) {
        Reply reply = WebReplyReader.read(replyNode);
        if (reply.blocks().isEmpty()) {
            return;
        }
        List<String> text = PlainText.render(reply).lines().toList();
        if (text.size() <= 1) {
            lines.add(prefix + from + ": " + (text.isEmpty() ? "" : text.getFirst()));
            return;
        }
        lines.add(prefix + from + ":");
        text.forEach(line -> lines.add("  " + line));
    }

    private String prefix(String of) {
        return of.equals(room) ? "" : "[" + of + "] ";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
