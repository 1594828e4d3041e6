package dev.switchboard.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem in the configuration, safe to show to people: it never contains a resolved secret.
 *
 * @param file the file the problem is in, relative to the main config file's directory when it lies inside it
 * @param line 1-based line, or 0 when the problem concerns the file as a whole (e.g. it does not exist)
 * @param column 1-based column, or 0 with line 0
 * @param key the config path of the value ({@code commands[3].args.env.type}); empty for syntax errors
 * @param message what was wrong and what was expected
 */
public record ConfigError(Path file, int line, int column, String key, String message) {
    public ConfigError {
        Objects.requireNonNull(file, "file");
        key = key == null ? "" : key;
        Objects.requireNonNull(message, "message");
    }

    /** {@code demo.yaml:42:7: commands[3].args.env.type: unknown type 'enumm'; expected ...}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
    }
}
