package dev.switchboard.core.command;

/**
 * One word of a compiled template: a literal word or an argument. {@code column} is the 1-based column of the part
 * inside its template, for messages.
 */
sealed interface TemplatePart {
    int column();

    /** A word the user types as is, matched case-insensitively against an unquoted token. */
    record Literal(String word, int column) implements TemplatePart {}

    /** An argument ({@code {name}}, {@code {name=default}} or {@code {name...}}). */
    record Arg(String name, Kind kind, String defaultValue, int column) implements TemplatePart {
        /** {@code defaultValue} is non-null exactly for {@link Kind#OPTIONAL}. */
        enum Kind { REQUIRED, OPTIONAL, REST }

        boolean optional() {
            return kind == Kind.OPTIONAL;
        }

        boolean rest() {
            return kind == Kind.REST;
        }
    }
}
