package dev.switchboard.api.command;

import java.util.Map;
import java.util.Objects;

/**
 * The configured action of a command: its kind ({@code shell}, {@code http}, {@code reply}, or a built-in such as
 * {@code builtin.help}) and the kind-specific settings exactly as written in the config (strings, numbers, booleans,
 * lists and maps). The {@link dev.switchboard.api.action.ActionFactory} for the kind validates them at start-up.
 */
public record ActionSpec(String kind, Map<String, Object> settings) {
    public ActionSpec {
        Objects.requireNonNull(kind, "kind");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
