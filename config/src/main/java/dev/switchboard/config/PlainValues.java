package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns settings that are passed on as written (action settings, plugin and platform sections) into plain,
 * immutable Java values: String, Integer/Long/BigInteger, Double, Boolean, List and Map. An empty value inside
 * them is an error, because the api's immutable collections cannot hold null.
 */
final class PlainValues {
    private PlainValues() {}

    /** A map of settings; a missing value ({@code shell:} with nothing after it) is an empty map. */
    static Optional<Map<String, Object>> settings(Cursor cursor, String expected) {
        if (cursor.isNull()) {
            return Optional.of(Map.of());
        }
        if (!(cursor.node() instanceof YamlNode.Mapping)) {
            cursor.error("expected " + expected + ", got " + cursor.node().describe());
            return Optional.empty();
        }
        return of(cursor).map(value -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        });
    }

    static Optional<Object> of(Cursor cursor) {
        return switch (cursor.node()) {
            case YamlNode.Scalar s when s.value() == null -> {
                cursor.error("empty value; write a value or remove the key");
                yield Optional.empty();
            }
            case YamlNode.Scalar s -> Optional.of(s.value());
            case YamlNode.Sequence seq -> {
                List<Object> out = new ArrayList<>();
                boolean ok = true;
                for (Cursor item : cursor.items("a list").orElseThrow()) {
                    Optional<Object> value = of(item);
                    value.ifPresent(out::add);
                    ok &= value.isPresent();
                }
                yield ok ? Optional.of(List.copyOf(out)) : Optional.empty();
            }
            case YamlNode.Mapping map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                boolean ok = true;
                for (var entry : cursor.entries("a map").orElseThrow()) {
                    Optional<Object> value = of(entry.getValue());
                    value.ifPresent(v -> out.put(entry.getKey().key(), v));
                    ok &= value.isPresent();
                }
                // unmodifiable, but in the order written: settings are shown back to people in that order
                yield ok ? Optional.of(Collections.unmodifiableMap(out)) : Optional.empty();
            }
        };
    }
}
