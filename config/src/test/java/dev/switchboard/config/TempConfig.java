package dev.switchboard.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes config files into a test's temporary directory and loads them. */
final class TempConfig {
    private final Path dir;
    private final Map<String, String> env;

    TempConfig(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    Path write(String name, String... lines) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadResult load(String name, CommandChecker checker) {
        return new ConfigLoader(env::get).load(dir.resolve(name), checker);
    }

    SwitchboardConfig loaded(String name) {
        return switch (load(name, CommandChecker.NONE)) {
            case LoadResult.Loaded loaded -> loaded.config();
            case LoadResult.Rejected rejected -> throw new AssertionError("rejected: " + rejected.errors());
        };
    }

    List<String> errors(String name, CommandChecker checker) {
        return switch (load(name, checker)) {
            case LoadResult.Loaded loaded -> throw new AssertionError("expected errors, but loaded " + loaded);
            case LoadResult.Rejected rejected -> rejected.errors().stream().map(ConfigError::toString).toList();
        };
    }

    List<String> errors(String name) {
        return errors(name, CommandChecker.NONE);
    }
}
