package dev.switchboard.core.policy.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tree of a parsed condition. Each node evaluates itself with a readable explanation and prints its canonical
 * form with {@code toString}; {@code &&} and {@code ||} chains are flat, so printing and parsing again gives the
 * same tree.
 */
sealed interface Expression {
    /** Longest value quoted in an explanation; values are arguments a user typed. */
    int SHOWN_VALUE_CHARS = 80;

    Verdict evaluate(Facts facts);

    void collectNames(Set<String> names);

    /** A string literal in canonical form: single quotes, escaping only what the lexer needs escaped. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    /** What a name holds, for an explanation: {@code env is 'prod'} or {@code env is not set}. */
    static String describe(String name, Optional<String> actual) {
        return actual.map(value -> name + " is " + quote(value.length() > SHOWN_VALUE_CHARS
                ? value.substring(0, SHOWN_VALUE_CHARS) + "…" : value)).orElse(name + " is not set");
    }

    private static String explainComparison(Expression comparison, boolean value, String name,
            Optional<String> actual) {
        return "%s is %s (%s)".formatted(comparison, value, describe(name, actual));
    }

    /** A chain's operand, in parentheses when it is a chain itself, so the trace keeps the grouping. */
    private static String grouped(Expression operand, String text) {
        return operand instanceof AllOf || operand instanceof AnyOf ? "(" + text + ")" : text;
    }

    /** Evaluates a chain left to right, stopping at the first operand whose value is {@code decisive}. */
    private static Verdict chain(List<Expression> operands, boolean decisive, String joiner, Facts facts) {
        List<String> trace = new ArrayList<>();
        for (Expression operand : operands) {
            Verdict verdict = operand.evaluate(facts);
            trace.add(grouped(operand, verdict.explanation()));
            if (verdict.value() == decisive) {
                return new Verdict(decisive, String.join(joiner, trace));
            }
        }
        return new Verdict(!decisive, String.join(joiner, trace));
    }

    record Literal(boolean value) implements Expression {
        @Override
        public Verdict evaluate(Facts facts) {
            return new Verdict(value, value + " is always " + value);
        }

        @Override
        public void collectNames(Set<String> names) {}

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public Verdict evaluate(Facts facts) {
            Verdict inner = operand.evaluate(facts);
            return new Verdict(!inner.value(), "%s is %s because %s".formatted(this, !inner.value(),
                    inner.explanation()));
        }

        @Override
        public void collectNames(Set<String> names) {
            operand.collectNames(names);
        }

        @Override
        public String toString() {
            return operand instanceof Literal || operand instanceof Not ? "!" + operand : "!(" + operand + ")";
        }
    }

    /** {@code a && b && ...}: true when every operand is; stops at the first false one. */
    record AllOf(List<Expression> operands) implements Expression {
        public AllOf {
            operands = List.copyOf(operands);
        }

        @Override
        public Verdict evaluate(Facts facts) {
            return chain(operands, false, " and ", facts);
        }

        @Override
        public void collectNames(Set<String> names) {
            operands.forEach(operand -> operand.collectNames(names));
        }

        @Override
        public String toString() {
            return operands.stream().map(operand -> operand instanceof AnyOf ? "(" + operand + ")" : operand.toString())
                    .collect(Collectors.joining(" && "));
        }
    }

    /** {@code a || b || ...}: true when any operand is; stops at the first true one. */
    record AnyOf(List<Expression> operands) implements Expression {
        public AnyOf {
            operands = List.copyOf(operands);
        }

        @Override
        public Verdict evaluate(Facts facts) {
            return chain(operands, true, " or ", facts);
        }

        @Override
        public void collectNames(Set<String> names) {
            operands.forEach(operand -> operand.collectNames(names));
        }

        @Override
        public String toString() {
            return operands.stream().map(operand -> operand instanceof AnyOf ? "(" + operand + ")" : operand.toString())
                    .collect(Collectors.joining(" || "));
        }
    }

    /** {@code name == 'x'}, or {@code name != 'x'} when negated; an absent name equals nothing. */
    record Equals(String name, String expected, boolean negated) implements Expression {
        @Override
        public Verdict evaluate(Facts facts) {
            Optional<String> actual = facts.value(name);
            boolean value = actual.map(expected::equals).orElse(false) != negated;
            return new Verdict(value, explainComparison(this, value, name, actual));
        }

        @Override
        public void collectNames(Set<String> names) {
            names.add(name);
        }

        @Override
        public String toString() {
            return name + (negated ? " != " : " == ") + quote(expected);
        }
    }

    /** {@code name in [...]}, or {@code name not in [...]} when negated; an absent name is in no list. */
    record Member(String name, List<String> values, boolean negated) implements Expression {
        public Member {
            values = List.copyOf(values);
        }

        @Override
        public Verdict evaluate(Facts facts) {
            Optional<String> actual = facts.value(name);
            boolean value = actual.map(values::contains).orElse(false) != negated;
            return new Verdict(value, explainComparison(this, value, name, actual));
        }

        @Override
        public void collectNames(Set<String> names) {
            names.add(name);
        }

        @Override
        public String toString() {
            return name + (negated ? " not in " : " in ")
                    + values.stream().map(Expression::quote).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** {@code name matches 'regex'} with find semantics; an absent name matches nothing. */
    record Matches(String name, Pattern pattern) implements Expression {
        @Override
        public Verdict evaluate(Facts facts) {
            Optional<String> actual = facts.value(name);
            boolean value = actual.map(text -> pattern.matcher(text).find()).orElse(false);
            return new Verdict(value, explainComparison(this, value, name, actual));
        }

        @Override
        public void collectNames(Set<String> names) {
            names.add(name);
        }

        @Override
        public String toString() {
            return name + " matches " + quote(pattern.pattern());
        }
    }
}
