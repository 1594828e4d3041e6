package dev.switchboard.chat.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A frame a browser sent, already checked: {@link Join}, {@link Say}, {@link Click}, or {@link Bad} with a message
 * saying what was wrong and what was expected. Parsing never throws.
 */
sealed interface InboundFrame {
    /** The largest frame accepted, in characters (64 KiB). */
    int MAX_FRAME_CHARS = 64 * 1024;

    /** Join a room to receive its messages; the reply is its history. */
    record Join(String room) implements InboundFrame {}

    /** A typed line, delivered to Switchboard and echoed to the room. */
    record Say(String room, String text) implements InboundFrame {}

    /** A button click: the same as typing {@code command}. */
    record Click(String room, String command) implements InboundFrame {}

    /** A frame that cannot be used; {@code message} is safe to show the user. */
    record Bad(String message) implements InboundFrame {}

    Pattern CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,63}");
    String EXAMPLES = "{\"type\":\"join\",\"room\":\"#ops\"}, {\"type\":\"say\",\"room\":\"#ops\",\"text\":\"help\"}"
            + " or {\"type\":\"click\",\"room\":\"#ops\",\"command\":\"cancel 12\"}";

    /** Parses a frame sent by {@code user}; {@code dm:<user>} is the only direct room that user may use. */
    static InboundFrame parse(ObjectMapper json, String frame, String user) {
        if (frame == null || frame.length() > MAX_FRAME_CHARS) {
            return new Bad("frame refused: it is larger than 64 KB; send shorter messages");
        }
        JsonNode node;
        try {
            node = json.readTree(frame);
        } catch (JacksonException e) {
            return new Bad("frame is not valid JSON; expected an object like " + EXAMPLES);
        }
        if (node == null || !node.isObject()) {
            return new Bad("frame is not a JSON object; expected an object like " + EXAMPLES);
        }
        String type = node.path("type").isString() ? node.get("type").stringValue() : null;
        if (type == null) {
            return new Bad("frame has no \"type\"; expected join, say or click, like " + EXAMPLES);
        }
        if (!List.of("join", "say", "click").contains(type)) {
            return new Bad("unknown frame type '" + clip(type) + "'; expected join, say or click");
        }
        String roomText = node.path("room").isString() ? node.get("room").stringValue() : null;
        String room = room(roomText, user);
        if (room == null) {
            return new Bad("room " + (roomText == null ? "is missing" : "'" + clip(roomText) + "' is not valid")
                    + "; expected a name like #ops (letters, digits, '.', '_', '-') or dm:" + user);
        }
        return switch (type) {
            case "join" -> new Join(room);
            case "say" -> text(node, "text").<InboundFrame>map(t -> new Say(room, t))
                    .orElse(new Bad("say needs a non-empty \"text\", like {\"type\":\"say\",\"room\":\"#ops\","
                            + "\"text\":\"help\"}"));
            case "click" -> text(node, "command").<InboundFrame>map(c -> new Click(room, c))
                    .orElse(new Bad("click needs a non-empty \"command\", like {\"type\":\"click\",\"room\":"
                            + "\"#ops\",\"command\":\"cancel 12\"}"));
            default -> throw new IllegalStateException("type checked above: " + type);
        };
    }

    /** The canonical room name, or null when {@code user} may not use it. Channels are lower case. */
    static String room(String text, String user) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equals("dm:" + user)) {
            return trimmed;
        }
        String channel = trimmed.toLowerCase(Locale.ROOT);
        return CHANNEL.matcher(channel).matches() ? channel : null;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.stringValue().strip());
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
