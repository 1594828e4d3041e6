package dev.switchboard.core.policy.condition;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled policy condition such as {@code env == 'prod' && service in ['web', 'api']}. Immutable and
 * thread-safe; build one with {@link #parse}.
 *
 * <p>The language: {@code name == 'text'}, {@code name != 'text'}, {@code name in ['a', 'b']},
 * {@code name not in ['a', 'b']}, {@code name matches 'regex'}, the literals {@code true} and {@code false},
 * combined with {@code !}, {@code &&} (binds tighter), {@code ||} and parentheses. Names are
 * {@code [a-z][a-z0-9_.]*}; values are always quoted, in {@code '...'} or {@code "..."}, with the escapes
 * {@code \\ \' \" \n \t}, so a typo like {@code env == prod} is an error rather than a comparison with a name.
 * Comparisons are exact and case-sensitive. {@code matches} uses {@link java.util.regex.Matcher#find()}: the
 * regular expression may match anywhere in the value, so anchor it ({@code '^1\\.'}) to match from the start.
 * A name with no value compares as absent: {@code ==}, {@code in} and {@code matches} are false, {@code !=} and
 * {@code not in} are true. Sources longer than {@value #MAX_LENGTH} characters and nesting of {@code (} and
 * {@code !} deeper than {@value #MAX_DEPTH} levels are rejected.
 */
public final class Condition {
    /** The longest source accepted, in chars. */
    public static final int MAX_LENGTH = 1_000;
    /** The deepest nesting of {@code (} and {@code !} accepted. */
    public static final int MAX_DEPTH = 32;

    private final Expression expression;
    private final Set<String> names;
    private final String canonical;

    Condition(Expression expression) {
        this.expression = expression;
        Set<String> read = new TreeSet<>();
        expression.collectNames(read);
        this.names = Collections.unmodifiableSet(read);
        this.canonical = expression.toString();
    }

    /** Parses {@code source} (not null); never throws for any text. */
    public static Compiled parse(String source) {
        Objects.requireNonNull(source, "source");
        return new ConditionParser(source).parse();
    }

    /** Evaluates against {@code facts} (not null), reading only the {@link #names()}; never throws. */
    public Verdict evaluate(Facts facts) {
        Objects.requireNonNull(facts, "facts");
        return expression.evaluate(facts);
    }

    /** The names this condition reads, sorted; for checking them against a command's arguments at load time. */
    public Set<String> names() {
        return names;
    }

    /** The canonical form: single quotes, one space around operators, parentheses only where needed. */
    @Override
    public String toString() {
        return canonical;
    }

    /** Conditions are equal when their canonical forms are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Condition that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }
}
