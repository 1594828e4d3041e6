package dev.switchboard.app.e2e;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A web chat reply ({@code {"blocks":[...]}}) as the plain text a person reads on the page: text and code blocks as
 * they are, fields as {@code label: value} lines, tables as header and rows joined by " | ", buttons as
 * {@code [label]}. Blocks are separated by newlines. Stateless.
 */
final class PlainText {
    private PlainText() {}

    static String of(JsonNode reply) {
        List<String> parts = new ArrayList<>();
        for (JsonNode block : reply.path("blocks").values()) {
            switch (string(block, "type")) {
                case "text", "code" -> parts.add(string(block, "text"));
                case "fields" -> block.path("fields").values()
                        .forEach(f -> parts.add(string(f, "label") + ": " + string(f, "value")));
                case "table" -> {
                    parts.add(row(block.path("headers")));
                    block.path("rows").values().forEach(r -> parts.add(row(r)));
                }
                case "buttons" -> block.path("buttons").values().forEach(b -> parts.add("[" + string(b, "label") + "]"));
                default -> parts.add("(unknown block " + string(block, "type") + ")");
            }
        }
        return String.join("\n", parts);
    }

    private static String row(JsonNode cells) {
        List<String> out = new ArrayList<>();
        cells.values().forEach(c -> out.add(c.isString() ? c.stringValue() : c.toString()));
        return String.join(" | ", out);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }
}
