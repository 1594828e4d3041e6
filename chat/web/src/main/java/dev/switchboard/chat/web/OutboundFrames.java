package dev.switchboard.chat.web;

import dev.switchboard.chat.web.RoomHistory.Posted;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the server-to-browser frames documented on {@link WebChatAdapter}. Stateless and thread-safe. */
final class OutboundFrames {
    private final ObjectMapper json;

    OutboundFrames(ObjectMapper json) {
        this.json = json;
    }

    String welcome(String user, Collection<String> rooms) {
        ObjectNode frame = json.createObjectNode().put("type", "welcome").put("user", user);
        ArrayNode list = frame.putArray("rooms");
        rooms.forEach(list::add);
        return write(frame);
    }

    String message(String room, Posted message) {
        return write(posted(json.createObjectNode().put("type", "message").put("room", room), message));
    }

    String edit(String room, String id, ObjectNode reply) {
        ObjectNode frame = json.createObjectNode().put("type", "edit").put("room", room).put("id", id);
        frame.set("reply", reply);
        return write(frame);
    }

    String history(String room, List<Posted> messages) {
        ObjectNode frame = json.createObjectNode().put("type", "history").put("room", room);
        ArrayNode list = frame.putArray("messages");
        for (Posted message : messages) {
            list.add(posted(json.createObjectNode(), message));
        }
        return write(frame);
    }

    String error(String message) {
        return write(json.createObjectNode().put("type", "error").put("message", message));
    }

    private static ObjectNode posted(ObjectNode node, Posted message) {
        node.put("id", message.id()).put("from", message.from());
        node.set("reply", message.reply());
        node.put("at", message.at().toString());
        return node;
    }

    private String write(ObjectNode frame) {
        return json.writeValueAsString(frame);
    }
}
