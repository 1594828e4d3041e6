package dev.switchboard.store.chat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Reply} as JSON text and back, exactly: {@code {"blocks":[{"type":"text","text":"hi"}, ...]}}, one object
 * per block with its type ({@code text}, {@code code}, {@code fields}, {@code table}, {@code buttons}). Written by
 * hand over Jackson's tree rather than by annotations, since the api records carry none. Stateless, thread-safe.
 */
final class ReplyJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplyJson() {}

    static String encode(Reply reply) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode blocks = root.putArray("blocks");
        for (Block block : reply.blocks()) {
            ObjectNode node = blocks.addObject();
            switch (block) {
                case Block.Text t -> node.put("type", "text").put("text", t.text());
                case Block.Code c -> node.put("type", "code").put("text", c.text());
                case Block.File f -> node.put("type", "file").put("name", f.name()).put("mediaType", f.mediaType())
                        .put("text", f.content());
                case Block.Fields f -> {
                    ArrayNode fields = node.put("type", "fields").putArray("fields");
                    f.fields().forEach(field -> fields.addObject().put("label", field.label())
                            .put("value", field.value()));
                }
                case Block.Table t -> {
                    node.put("type", "table");
                    ArrayNode headers = node.putArray("headers");
                    t.headers().forEach(headers::add);
                    ArrayNode rows = node.putArray("rows");
                    t.rows().forEach(row -> {
                        ArrayNode cells = rows.addArray();
                        row.forEach(cells::add);
                    });
                }
                case Block.Buttons b -> {
                    ArrayNode buttons = node.put("type", "buttons").putArray("buttons");
                    b.buttons().forEach(button -> buttons.addObject().put("label", button.label())
                            .put("command", button.command())
                            .put("style", button.style().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** The reply in {@code json}; IllegalArgumentException saying what is wrong if it is not what encode writes. */
    static Reply decode(String json) {
        try {
            List<Block> blocks = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json).required("blocks").values()) {
                String type = node.required("type").stringValue();
                blocks.add(switch (type) {
                    case "text" -> new Block.Text(node.required("text").stringValue());
                    case "code" -> new Block.Code(node.required("text").stringValue());
                    case "file" -> new Block.File(node.required("name").stringValue(),
                            node.required("mediaType").stringValue(), node.required("text").stringValue());
                    case "fields" -> new Block.Fields(node.required("fields").values().stream()
                            .map(f -> new Block.Field(f.required("label").stringValue(),
                                    f.required("value").stringValue()))
                            .toList());
                    case "table" -> new Block.Table(strings(node.required("headers")),
                            node.required("rows").values().stream().map(ReplyJson::strings).toList());
                    case "buttons" -> new Block.Buttons(node.required("buttons").values().stream()
                            .map(b -> new Button(b.required("label").stringValue(),
                                    b.required("command").stringValue(),
                                    Button.Style.valueOf(b.required("style").stringValue().toUpperCase(Locale.ROOT))))
                            .toList());
                    default -> throw new IllegalArgumentException("unknown block type '" + type
                            + "', expected text, code, file, fields, table or buttons");
                });
            }
            return new Reply(blocks);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed reply JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::stringValue).toList();
    }
}
