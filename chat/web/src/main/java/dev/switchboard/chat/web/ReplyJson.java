package dev.switchboard.chat.web;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the platform-neutral {@link Reply} as the web chat's JSON: {@code {"blocks":[...]}} where each block is
 * one of {@code {"type":"text","text"}}, {@code {"type":"code","text"}}, {@code {"type":"fields","fields":[{"label",
 * "value"}]}}, {@code {"type":"table","headers":[...],"rows":[[...]]}}, {@code {"type":"buttons","buttons":
 * [{"label","command","style":"default|primary|danger"}]}} or {@code {"type":"file","name","mediaType","text"}} (a
 * document the page offers for download, with a preview). Text stays plain; the page escapes it. Stateless.
 */
final class ReplyJson {
    private final ObjectMapper json;

    ReplyJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode render(Reply reply) {
        ObjectNode node = json.createObjectNode();
        ArrayNode blocks = node.putArray("blocks");
        for (Block block : reply.blocks()) {
            blocks.add(block(block));
        }
        return node;
    }

    private ObjectNode block(Block block) {
        ObjectNode node = json.createObjectNode();
        switch (block) {
            case Block.Text t -> node.put("type", "text").put("text", t.text());
            case Block.Code c -> node.put("type", "code").put("text", c.text());
            case Block.File f -> node.put("type", "file").put("name", f.name()).put("mediaType", f.mediaType())
                    .put("text", f.content());
            case Block.Fields f -> {
                ArrayNode fields = node.put("type", "fields").putArray("fields");
                for (Block.Field field : f.fields()) {
                    fields.addObject().put("label", field.label()).put("value", field.value());
                }
            }
            case Block.Table t -> {
                node.put("type", "table");
                strings(node.putArray("headers"), t.headers());
                ArrayNode rows = node.putArray("rows");
                for (List<String> row : t.rows()) {
                    strings(rows.addArray(), row);
                }
            }
            case Block.Buttons b -> {
                ArrayNode buttons = node.put("type", "buttons").putArray("buttons");
                for (Button button : b.buttons()) {
                    buttons.addObject().put("label", button.label()).put("command", button.command())
                            .put("style", button.style().name().toLowerCase(Locale.ROOT));
                }
            }
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
