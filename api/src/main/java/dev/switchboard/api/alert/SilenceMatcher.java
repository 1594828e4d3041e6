package dev.switchboard.api.alert;

import java.util.Objects;

/**
 * One matcher of an Alertmanager silence: label {@code name}, compared to {@code value} by {@code op}. Immutable.
 * Regular expressions are anchored, as Alertmanager anchors them. {@link #toString()} gives the typed form
 * ({@code cluster=~"eu-.*"}).
 */
public record SilenceMatcher(String name, String value, Op op) {

    /** How the label value is compared, with the operator as typed. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as typed: {@code =}, {@code !=}, {@code =~} or {@code !~}. */
        public String symbol() {
            return symbol;
        }

        /** True for {@code =~} and {@code !~}. */
        public boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }

        /** True for {@code =} and {@code =~} (Alertmanager's {@code isEqual}). */
        public boolean equal() {
            return this == EQUAL || this == REGEX;
        }
    }

    public SilenceMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(op, "op");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a silence matcher needs a label name");
        }
    }

    /** {@code name="value"}. */
    public static SilenceMatcher equal(String name, String value) {
        return new SilenceMatcher(name, value, Op.EQUAL);
    }

    @Override
    public String toString() {
        return name + op.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
