package dev.switchboard.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one load found: the errors, and where each config path was written (so problems found later, by the
 * command checker, can be pointed at the right line). Used by one loading thread only.
 */
final class Diagnostics {
    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<String, Mark> marks = new HashMap<>();

    /** Reports a problem; only the first problem at one place and key is kept, the rest are its echoes. */
    void error(Mark at, String key, String message) {
        ConfigError error = new ConfigError(at.file(), at.line(), at.column(), key, message);
        boolean echo = errors.stream().anyMatch(e -> e.file().equals(error.file()) && e.line() == error.line()
                && e.column() == error.column() && e.key().equals(error.key()));
        if (!echo) {
            errors.add(error);
        }
    }

    /**
     * Remembers where {@code path} was written. Keyed by file too: list indexes count per file, so
     * {@code commands[0]} of the main file and of an included file are different nodes.
     */
    void mark(String path, Mark at) {
        marks.putIfAbsent(at.file() + "\u0000" + path, at);
    }

    Optional<Mark> markOf(Path file, String path) {
        return Optional.ofNullable(marks.get(file + "\u0000" + path));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors grouped by file in order of first appearance, each file's errors by line and column. */
    List<ConfigError> errors() {
        Map<String, Integer> fileOrder = new LinkedHashMap<>();
        errors.forEach(e -> fileOrder.putIfAbsent(e.file().toString(), fileOrder.size()));
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.<ConfigError>comparingInt(e -> fileOrder.get(e.file().toString()))
                .thenComparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
        return List.copyOf(sorted);
    }
}
