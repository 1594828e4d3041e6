package dev.switchboard.alerts.action;

import dev.switchboard.api.alert.SilenceMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads silence matchers as people type them in chat, Alertmanager style: {@code alertname=Foo cluster=~"eu-.*"
 * severity!=info}. Matchers are separated by spaces or commas and may be wrapped in braces; operators are
 * {@code =}, {@code !=}, {@code =~} and {@code !~}; a value is a bare word or a double-quoted string with
 * {@code \"} and {@code \\} escapes. Also checks a list of matchers is one Alertmanager would accept and a person
 * meant: label names valid, regular expressions valid, and at least one matcher that does not match an empty
 * value (without it the silence would mute every alert). Stateless.
 */
public final class MatcherSyntax {
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_MATCHERS = 32;
    private static final String EXAMPLE = "alertname=DiskFull cluster=~\"eu-.*\"";

    private MatcherSyntax() {}

    /** What {@link #parse} read. */
    public sealed interface Parsed {
        /** The matchers typed, in order; checked with {@link #problem}. */
        record Matchers(List<SilenceMatcher> matchers) implements Parsed {
            public Matchers {
                matchers = List.copyOf(matchers);
            }
        }

        /** Why the text is not a matcher list, saying where and what was expected. */
        record Invalid(String message) implements Parsed {}
    }

    public static Parsed parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.startsWith("{") && input.endsWith("}")) {
            input = input.substring(1, input.length() - 1);
        }
        List<SilenceMatcher> matchers = new ArrayList<>();
        int pos = skipSeparators(input, 0);
        while (pos < input.length()) {
            if (matchers.size() == MAX_MATCHERS) {
                return new Parsed.Invalid("at most " + MAX_MATCHERS + " matchers fit in one silence");
            }
            int nameEnd = pos;
            while (nameEnd < input.length() && isNameChar(input.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = input.substring(pos, nameEnd);
            if (!LABEL_NAME.matcher(name).matches()) {
                return new Parsed.Invalid("expected a label name at \"" + near(input, pos) + "\", like " + EXAMPLE);
            }
            SilenceMatcher.Op op = operator(input, nameEnd);
            if (op == null) {
                return new Parsed.Invalid("expected =, !=, =~ or !~ after \"" + name + "\", like " + EXAMPLE);
            }
            pos = nameEnd + op.symbol().length();
            StringBuilder value = new StringBuilder();
            if (pos < input.length() && input.charAt(pos) == '"') {
                int close = quoted(input, pos + 1, value);
                if (close < 0) {
                    return new Parsed.Invalid("the value of \"" + name + "\" opens a quote that is never closed");
                }
                pos = close + 1;
            } else {
                while (pos < input.length() && !isSeparator(input.charAt(pos))) {
                    value.append(input.charAt(pos++));
                }
            }
            matchers.add(new SilenceMatcher(name, value.toString(), op));
            if (pos < input.length() && !isSeparator(input.charAt(pos))) {
                return new Parsed.Invalid("expected a space or comma after the value of \"" + name + "\", at \""
                        + near(input, pos) + "\"");
            }
            pos = skipSeparators(input, pos);
        }
        if (matchers.isEmpty()) {
            return new Parsed.Invalid("expected at least one matcher, like " + EXAMPLE);
        }
        return new Parsed.Matchers(matchers);
    }

    /** What is wrong with {@code matchers} as a silence, or empty when Alertmanager should accept them. */
    public static Optional<String> problem(List<SilenceMatcher> matchers) {
        if (matchers.isEmpty()) {
            return Optional.of("a silence needs at least one matcher, like " + EXAMPLE);
        }
        boolean narrows = false;
        for (SilenceMatcher matcher : matchers) {
            if (!LABEL_NAME.matcher(matcher.name()).matches()) {
                return Optional.of("\"" + matcher.name() + "\" is not a label name (letters, digits and _, not"
                        + " starting with a digit)");
            }
            boolean matchesEmpty;
            if (matcher.op().regex()) {
                try {
                    matchesEmpty = Pattern.compile(matcher.value()).matcher("").matches();
                } catch (PatternSyntaxException e) {
                    return Optional.of("the value of " + matcher.name() + matcher.op().symbol()
                            + " is not a valid regular expression: " + e.getDescription());
                }
            } else {
                matchesEmpty = matcher.value().isEmpty();
            }
            narrows |= matcher.op().equal() != matchesEmpty;
        }
        if (!narrows) {
            return Optional.of("every matcher also matches alerts without that label, so the silence would mute"
                    + " every alert; add one like alertname=DiskFull");
        }
        return Optional.empty();
    }

    private static SilenceMatcher.Op operator(String input, int at) {
        for (SilenceMatcher.Op op : List.of(SilenceMatcher.Op.REGEX, SilenceMatcher.Op.NOT_REGEX,
                SilenceMatcher.Op.NOT_EQUAL, SilenceMatcher.Op.EQUAL)) {
            if (input.startsWith(op.symbol(), at)) {
                return op;
            }
        }
        return null;
    }

    /** Reads a quoted value from {@code start} (after the opening quote); the index of the closing quote, or -1. */
    private static int quoted(String input, int start, StringBuilder value) {
        for (int i = start; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < input.length()) {
                c = input.charAt(++i);
            }
            value.append(c);
        }
        return -1;
    }

    private static int skipSeparators(String input, int pos) {
        while (pos < input.length() && isSeparator(input.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static String near(String input, int pos) {
        String rest = input.substring(pos);
        return rest.length() <= 20 ? rest : rest.substring(0, 20) + "…";
    }
}
