package dev.switchboard.app.cli;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the web chat's reply JSON ({@code {"blocks":[...]}}, documented on
 * {@code dev.switchboard.chat.web.WebChatAdapter}) back into an api {@link Reply}, so the terminal can show it the
 * way {@link dev.switchboard.api.reply.PlainText} renders it. Lenient: a block it does not know is skipped, a
 * missing text is empty, a table row is padded or cut to its header. Stateless.
 */
final class WebReplyReader {
    private WebReplyReader() {}

    /** The reply in {@code node}; an empty reply for null or a node without blocks. */
    static Reply read(JsonNode node) {
        List<Block> blocks = new ArrayList<>();
        JsonNode array = node == null ? null : node.get("blocks");
        if (array != null && array.isArray()) {
            for (JsonNode block : array) {
                Block read = block(block);
                if (read != null) {
                    blocks.add(read);
                }
            }
        }
        return new Reply(blocks);
    }

    private static Block block(JsonNode node) {
        return switch (text(node, "type")) {
            case "text" -> new Block.Text(text(node, "text"));
            case "code" -> new Block.Code(text(node, "text"));
            // PlainText shows a file as its name, a colon and its text.
            case "file" -> new Block.File(text(node, "name").isBlank() ? "file" : text(node, "name"),
                    text(node, "mediaType").isBlank() ? "text/plain" : text(node, "mediaType"), text(node, "text"));
            case "fields" -> {
                List<Block.Field> fields = new ArrayList<>();
                for (JsonNode field : elements(node, "fields")) {
                    fields.add(new Block.Field(text(field, "label"), text(field, "value")));
                }
                yield new Block.Fields(fields);
            }
            case "table" -> table(node);
            case "buttons" -> {
                List<Button> buttons = new ArrayList<>();
                for (JsonNode button : elements(node, "buttons")) {
                    buttons.add(new Button(text(button, "label"), text(button, "command"), style(button)));
                }
                yield new Block.Buttons(buttons);
            }
            default -> null;
        };
    }

    private static Block.Table table(JsonNode node) {
        List<String> headers = strings(node.get("headers"));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : elements(node, "rows")) {
            List<String> cells = new ArrayList<>(strings(row));
            while (cells.size() < headers.size()) {
                cells.add("");
            }
            rows.add(cells.subList(0, headers.size()));
        }
        return new Block.Table(headers, rows);
    }

    private static Button.Style style(JsonNode button) {
        return switch (text(button, "style").toLowerCase(Locale.ROOT)) {
            case "primary" -> Button.Style.PRIMARY;
            case "danger" -> Button.Style.DANGER;
            default -> Button.Style.DEFAULT;
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode value : array) {
                values.add(value.isNull() ? "" : value.asString());
            }
        }
        return values;
    }

    private static Iterable<JsonNode> elements(JsonNode node, String field) {
        JsonNode array = node.get(field);
        return array != null && array.isArray() ? array : List.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
