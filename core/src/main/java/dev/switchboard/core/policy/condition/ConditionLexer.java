package dev.switchboard.core.policy.condition;

/**
 * Splits a condition's source into tokens, one at a time on demand, so that the parser reports the first error in
 * reading order. Not thread-safe; one per parse.
 */
final class ConditionLexer {
    enum Kind { WORD, STRING, EQ, NE, AND, OR, NOT, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END }

    /**
     * One token: {@code text} is its source text, {@code value} the decoded content of a string, {@code index} the
     * char index where it starts.
     */
    record Token(Kind kind, String text, String value, int index) {}

    /**
     * A syntax error at a char index. Thrown only inside the parser, which turns it into a
     * {@link Compiled.Rejected}; no stack trace, since it is an expected outcome.
     */
    static final class Failure extends RuntimeException {
        private final int index;

        Failure(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private static final String ESCAPES = "escapes are \\\\, \\', \\\", \\n and \\t (write \\\\ for a backslash)";

    private final String source;
    private int index;

    ConditionLexer(String source) {
        this.source = source;
    }

    Token next() {
        while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
            index++;
        }
        int start = index;
        if (start >= source.length()) {
            return new Token(Kind.END, "", "", start);
        }
        char c = source.charAt(start);
        return switch (c) {
            case '(' -> symbol(Kind.LPAREN, 1);
            case ')' -> symbol(Kind.RPAREN, 1);
            case '[' -> symbol(Kind.LBRACKET, 1);
            case ']' -> symbol(Kind.RBRACKET, 1);
            case ',' -> symbol(Kind.COMMA, 1);
            case '\'', '"' -> string(c);
            case '!' -> bang();
            case '=', '<', '>' -> comparisonOperator();
            case '&' -> pair('&', Kind.AND);
            case '|' -> pair('|', Kind.OR);
            default -> word();
        };
    }

    private Token symbol(Kind kind, int length) {
        int start = index;
        index += length;
        return new Token(kind, source.substring(start, index), "", start);
    }

    private Token bang() {
        if (charAt(index + 1) != '=') {
            return symbol(Kind.NOT, 1);
        }
        if (charAt(index + 2) == '=') {
            throw new Failure(index, "unknown operator '!=='; expected != or ==");
        }
        return symbol(Kind.NE, 2);
    }

    private Token comparisonOperator() {
        int end = index;
        while (end < source.length() && "=<>".indexOf(source.charAt(end)) >= 0) {
            end++;
        }
        String operator = source.substring(index, end);
        if (!operator.equals("==")) {
            throw new Failure(index, "unknown operator '%s'; expected == or !=".formatted(operator));
        }
        return symbol(Kind.EQ, 2);
    }

    private Token pair(char c, Kind kind) {
        if (charAt(index + 1) != c) {
            throw new Failure(index, "unknown operator '%s'; expected %s%s".formatted(c, c, c));
        }
        return symbol(kind, 2);
    }

    private Token word() {
        int start = index;
        int end = index;
        while (end < source.length()) {
            int codePoint = source.codePointAt(end);
            if (!Character.isLetterOrDigit(codePoint) && codePoint != '_' && (end == start
                    || codePoint != '.' && codePoint != '-')) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        if (end == start) {
            throw new Failure(start, "unexpected character " + display(source.codePointAt(start)));
        }
        index = end;
        return new Token(Kind.WORD, source.substring(start, end), "", start);
    }

    private Token string(char quote) {
        int start = index;
        StringBuilder value = new StringBuilder();
        int at = start + 1;
        while (true) {
            if (at >= source.length()) {
                throw new Failure(start, "unterminated string: no closing %s before the end of the condition"
                        .formatted(quote));
            }
            char c = source.charAt(at);
            if (c == quote) {
                index = at + 1;
                return new Token(Kind.STRING, source.substring(start, index), value.toString(), start);
            }
            if (c != '\\') {
                value.append(c);
                at++;
                continue;
            }
            if (at + 1 >= source.length()) {
                throw new Failure(start, "unterminated string: no closing %s before the end of the condition"
                        .formatted(quote));
            }
            int escaped = source.codePointAt(at + 1);
            switch (escaped) {
                case '\\', '\'', '"' -> value.append((char) escaped);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                default -> throw new Failure(at, "unknown escape in a string: \\ followed by %s; %s"
                        .formatted(display(escaped), ESCAPES));
            }
            at += 2;
        }
    }

    private char charAt(int at) {
        return at < source.length() ? source.charAt(at) : '\0';
    }

    /** A character for a message: itself when visible, always with its code point, so control chars show too. */
    static String display(int codePoint) {
        int type = Character.getType(codePoint);
        boolean visible = !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
                && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.PRIVATE_USE;
        String code = "U+%04X".formatted(codePoint);
        return visible ? "'" + Character.toString(codePoint) + "' (" + code + ")" : code;
    }
}
