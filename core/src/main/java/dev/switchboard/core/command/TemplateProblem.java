package dev.switchboard.core.command;

import java.util.Objects;

/**
 * Something wrong with one command's declaration, found while compiling a {@link CommandCatalog}.
 *
 * @param commandId the id of the command as declared (possibly the duplicated or malformed id itself)
 * @param where the path inside that command's config: {@code id}, {@code templates[0]}, {@code examples[1]} or
 *     {@code args.env}; the config loader maps it to a file, line and column
 * @param message what is wrong and what was expected; for template syntax, starts with the 1-based column inside
 *     the template ({@code column 8: ...}). Never contains the value of a secret argument.
 */
public record TemplateProblem(String commandId, String where, String message) {
    public TemplateProblem {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return commandId + " " + where + ": " + message;
    }
}
