package dev.switchboard.config;

import java.util.Optional;

/**
 * The keys of one config map whose unknown keys were already reported. {@link #get} gives a present key's value;
 * {@link #required} also reports a missing key, at the map, with what was expected.
 */
final class Fields {
    private final Cursor map;
    private final YamlNode.Mapping mapping;

    Fields(Cursor map, YamlNode.Mapping mapping) {
        this.map = map;
        this.mapping = mapping;
    }

    Cursor map() {
        return map;
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    Optional<Cursor> get(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? Optional.empty()
                : Optional.of(new Cursor(entry.value(), map.child(key), map.diagnostics()));
    }

    Optional<Cursor> required(String key, String expected) {
        Optional<Cursor> value = get(key);
        if (value.isEmpty()) {
            map.diagnostics().error(map.mark(), map.child(key), "missing; expected " + expected);
        }
        return value;
    }
}
