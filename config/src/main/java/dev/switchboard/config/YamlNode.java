package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so every later check can point at the right file, line and column.
 * Scalars hold a String, Integer/Long/BigInteger, Double, Boolean or null, exactly as the YAML parser typed them.
 */
sealed interface YamlNode {

    Mark mark();

    /** How the value reads in an error message: "a string", "a list", ... */
    String describe();

    /** One key of a mapping, with where the key itself was written (unknown-key errors point at it). */
    record Entry(String key, Mark keyMark, YamlNode value) {}

    record Mapping(Mark mark, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String describe() {
            return "a map";
        }
    }

    record Sequence(Mark mark, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    /**
     * A single value. {@code secret} is true when a {@code ${env:}} or {@code ${file:}} reference was resolved into
     * it: such a value is never echoed in an error message.
     */
    record Scalar(Mark mark, Object value, boolean secret) implements YamlNode {
        public String describe() {
            return switch (value) {
                case null -> "nothing";
                case String s -> "a string";
                case Boolean b -> "true/false";
                case Number n -> "a number";
                default -> "a value";
            };
        }

        /** The value quoted for an error message, or a placeholder when it holds a resolved secret. */
        String shown() {
            return secret ? "(a value from a ${...} reference)" : "'" + value + "'";
        }
    }
}
