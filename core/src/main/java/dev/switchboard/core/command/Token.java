package dev.switchboard.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * One token of a chat line: its value (quotes removed and escapes resolved when {@code quoted}), whether it was
 * quoted, and the offset in the line where it starts (where a rest argument's raw text begins).
 *
 * <p>Tokenising rules: any whitespace or control character separates tokens. A token that starts with {@code "} or
 * {@code '} runs to the matching unescaped quote and may contain whitespace; inside it, a backslash escapes the
 * quote character and the backslash itself (any other backslash is kept as is). An unterminated quote makes the
 * quote and the rest of the line one token. Quotes in the middle of a word are ordinary characters. Linear time.
 */
record Token(String value, boolean quoted, int start) {

    static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (separates(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                i = readQuoted(line, i, tokens);
            } else {
                int start = i;
                while (i < n && !separates(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), false, start));
            }
        }
        return tokens;
    }

    private static int readQuoted(String line, int open, List<Token> tokens) {
        char quote = line.charAt(open);
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == quote) {
                tokens.add(new Token(value.toString(), true, open));
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == quote || line.charAt(i + 1) == '\\')) {
                value.append(line.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        // Unterminated: the quote and everything after it is one token, taken literally.
        tokens.add(new Token(line.substring(open), false, open));
        return line.length();
    }

    private static boolean separates(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
    }
}
