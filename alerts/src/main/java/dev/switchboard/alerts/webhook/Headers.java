package dev.switchboard.alerts.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers looked up by name in any case, as HTTP requires. Immutable. */
final class Headers {
    private final Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Headers(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                byName.put(name, value);
            }
        });
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
