package dev.switchboard.alerts.routing;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition of a route, with Alertmanager's four operators: {@code =}, {@code !=}, {@code =~} and
 * {@code !~}. Regular expressions are anchored at both ends (the whole value must match, as in Alertmanager), and a
 * missing label counts as the empty string, so {@code team=""} matches alerts without a team. Immutable; a bad
 * label name or regular expression is refused at construction with a message saying what was expected.
 */
public record LabelMatcher(String name, Op op, String value) {
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How the label's value is compared. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in config ({@code =~}). */
        public String symbol() {
            return symbol;
        }
    }

    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a label name; expected letters, digits and _,"
                    + " not starting with a digit");
        }
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            compile(name, value);
        }
    }

    public static LabelMatcher equal(String name, String value) {
        return new LabelMatcher(name, Op.EQUAL, value);
    }

    /**
     * Parses {@code name op value}, like {@code severity=critical}, {@code cluster!=dev} or
     * {@code alertname=~"Kube.*"}; the value may be in double quotes (inside them, {@code \"} is a quote).
     *
     * @throws IllegalArgumentException naming what was wrong and what was expected
     */
    public static LabelMatcher parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int at = 0;
        while (at < trimmed.length() && (Character.isLetterOrDigit(trimmed.charAt(at)) || trimmed.charAt(at) == '_')) {
            at++;
        }
        String name = trimmed.substring(0, at);
        String rest = trimmed.substring(at).stripLeading();
        Op op = null;
        for (Op candidate : new Op[] {Op.REGEX, Op.NOT_REGEX, Op.NOT_EQUAL, Op.EQUAL}) {
            if (rest.startsWith(candidate.symbol())) {
                op = candidate;
                break;
            }
        }
        if (name.isEmpty() || op == null) {
            throw new IllegalArgumentException("'" + text + "' is not a label matcher; expected name=value,"
                    + " name!=value, name=~regex or name!~regex");
        }
        String value = rest.substring(op.symbol().length()).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return new LabelMatcher(name, op, value);
    }

    /** True if {@code labels} satisfy this condition (a missing label is the empty string). */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> compile(name, value).matcher(actual).matches();
            case NOT_REGEX -> !compile(name, value).matcher(actual).matches();
        };
    }

    private static Pattern compile(String name, String regex) {
        // A record cannot hold the compiled pattern, and compiling per alert would dominate a storm: cache it.
        return PatternCache.get(name, regex);
    }

    @Override
    public String toString() {
        return name + op.symbol() + "\"" + value.replace("\"", "\\\"") + "\"";
    }

    /** Compiled patterns by regex text; bounded, since regexes come only from config. */
    private static final class PatternCache {
        private static final int LIMIT = 1_024;
        private static final Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Pattern get(String name, String regex) {
            Pattern cached = CACHE.get(regex);
            if (cached != null) {
                return cached;
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the regular expression for label " + name + " is not valid: "
                        + e.getDescription() + " near index " + e.getIndex() + " of '" + regex + "'", e);
            }
            if (CACHE.size() < LIMIT) {
                CACHE.put(regex, compiled);
            }
            return compiled;
        }
    }
}
