package dev.switchboard.alerts.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words at white space outside double quotes, keeping each word as typed (quotes and
 * escapes included), so matchers like {@code cluster=~"eu west"} stay one word. An unclosed quote runs to the end.
 * Stateless.
 */
final class Words {
    /** Longest line read; longer input is refused before it is split. */
    static final int MAX_LENGTH = 2_000;

    private Words() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quoted && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            word.append(c);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code text} cut to 40 characters for quoting back to the user. */
    static String shown(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
