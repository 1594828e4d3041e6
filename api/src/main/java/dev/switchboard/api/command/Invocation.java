package dev.switchboard.api.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A command with its arguments checked and defaults filled in: what the user asked for, frozen. {@code args} holds
 * canonical values by name, in template order. {@code text} is what the user typed.
 */
public record Invocation(CommandSpec command, Map<String, String> args, String text) {
    public Invocation {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(text, "text");
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public String commandId() {
        return command.id();
    }

    /** The arguments with secret values replaced by {@code ***}: safe for replies, logs and the audit log. */
    public Map<String, String> redactedArgs() {
        Map<String, String> shown = new LinkedHashMap<>();
        args.forEach((name, value) -> shown.put(name, command.arg(name).secret() ? "***" : value));
        return shown;
    }
}
