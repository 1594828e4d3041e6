package dev.switchboard.server;

import java.util.Map;

/**
 * Writes the few small JSON objects the server answers with (string values and nested objects only), so this
 * module needs no JSON library. Stateless.
 */
final class JsonText {
    private JsonText() {}

    /** A JSON object from a map whose values are strings, booleans or nested maps of the same kind. */
    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, field.getKey()).append(':');
            switch (field.getValue()) {
                case Map<?, ?> nested -> out.append(object(stringKeys(nested)));
                case Boolean b -> out.append(b);
                case null -> out.append("null");
                default -> string(out, field.getValue().toString());
            }
        }
        return out.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // < and > too, so a JSON answer can never be read as markup
                    if (c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
