package dev.switchboard.server;

import java.util.Collection;
import java.util.Map;

/**
 * Writes the JSON the server answers with, so this module needs no JSON library. Values may be strings, booleans,
 * whole numbers ({@link Integer}, {@link Long}), null, maps with string keys and lists of the same; anything else
 * is written as its {@code toString()} text (an {@link java.time.Instant} so becomes ISO-8601). Map entries keep
 * the map's order. Stateless and thread-safe.
 */
public final class JsonText {
    private JsonText() {}

    /** A JSON object from a map whose values are of the kinds above. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        object(out, fields);
        return out.toString();
    }

    private static void object(StringBuilder out, Map<?, ?> fields) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, String.valueOf(field.getKey())).append(':');
            value(out, field.getValue());
        }
        out.append('}');
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case Map<?, ?> nested -> object(out, nested);
            case Collection<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(out, item);
                }
                out.append(']');
            }
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case null -> out.append("null");
            default -> string(out, value.toString());
        }
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
