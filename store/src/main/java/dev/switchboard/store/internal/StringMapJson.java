package dev.switchboard.store.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flat string-to-string maps as JSON text ({@code {"env":"prod","service":"web"}}), keys sorted, so arguments and
 * details are readable in the database and come back exactly as written. Only this shape is read back: one object
 * whose values are all strings. An empty map is stored as null.
 */
public final class StringMapJson {
    private StringMapJson() {}

    /** The JSON text of {@code map}, or null when it is empty. */
    public static String encode(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(16 * map.size()).append('{');
        for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, entry.getKey());
            json.append(':');
            quote(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    /** The map in {@code json} (null means empty); throws IllegalArgumentException saying where the text is bad. */
    public static Map<String, String> decode(String json) {
        if (json == null) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new Reader(json).object());
    }

    /** Appends {@code s} to {@code json} as a JSON string literal (quoted and escaped). */
    public static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        // Lone surrogates cannot be stored as UTF-8; escaped, they survive the round trip.
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** A strict reader of the one shape {@link #encode} writes, tolerating whitespace between tokens. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            Map<String, String> map = new TreeMap<>();
            expect('{');
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    map.put(key, string());
                } while (consumeComma());
                expect('}');
            }
            skipSpace();
            if (pos != text.length()) {
                throw bad("nothing after the closing }");
            }
            return map;
        }

        private boolean consumeComma() {
            if (peek() == ',') {
                pos++;
                return true;
            }
            return false;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> out.append(unicodeEscape());
                    default -> throw bad("a valid escape after \\");
                }
            }
            throw bad("a closing \"");
        }

        private char unicodeEscape() {
            if (pos + 4 > text.length()) {
                throw bad("four hex digits after \\u");
            }
            try {
                char c = (char) java.util.HexFormat.fromHexDigits(text, pos, pos + 4);
                pos += 4;
                return c;
            } catch (IllegalArgumentException e) {
                throw bad("four hex digits after \\u");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw bad("'" + c + "'");
            }
            pos++;
        }

        private char peek() {
            skipSpace();
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException bad(String expected) {
            return new IllegalArgumentException("malformed JSON map at character " + pos + ": expected " + expected);
        }
    }
}
