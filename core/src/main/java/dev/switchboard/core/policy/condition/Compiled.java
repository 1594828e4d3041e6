package dev.switchboard.core.policy.condition;

import java.util.Objects;

/** What {@link Condition#parse} made of a source text: a condition, or the first error with its column. */
public sealed interface Compiled permits Compiled.Parsed, Compiled.Rejected {

    /** The source was a valid condition. */
    record Parsed(Condition condition) implements Compiled {
        public Parsed {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /**
     * The source was not a valid condition.
     *
     * @param column 1-based, counted in code points; the end of the input is its length + 1
     * @param message what was found and what was expected, without the column
     */
    record Rejected(int column, String message) implements Compiled {
        public Rejected {
            if (column < 1) {
                throw new IllegalArgumentException("column is 1-based, got " + column);
            }
            Objects.requireNonNull(message, "message");
        }

        /** The message for a user, e.g. {@code column 8: expected a quoted string after ==, found 'prod' ...}. */
        public String describe() {
            return "column " + column + ": " + message;
        }
    }
}
