package dev.switchboard.api.command;

import java.util.Objects;

/**
 * A declared argument of a command.
 *
 * @param name the name used in templates ({@code {service}})
 * @param type how values are checked
 * @param secret true if the value must never appear in replies, logs or the audit log (shown as {@code ***})
 * @param help one line for {@code help <command>}; may be empty
 */
public record ArgSpec(String name, ArgType type, boolean secret, String help) {
    public ArgSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
    }

    /** A plain text argument of at most 200 characters: the type of arguments that are not declared. */
    public static ArgSpec text(String name) {
        return new ArgSpec(name, new ArgType.Text(200), false, "");
    }
}
