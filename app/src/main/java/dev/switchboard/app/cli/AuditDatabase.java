package dev.switchboard.app.cli;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.store.Storage;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LoadResult;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens the database a configuration file names, for the offline audit commands. Never creates an H2 file that is
 * not there (verifying a fresh, empty database would wrongly say "intact"). Messages never contain the password.
 */
final class AuditDatabase {
    /** Exit code when the configuration is invalid. */
    static final int BAD_CONFIG = 1;
    /** Exit code when the database cannot be opened. */
    static final int NO_DATABASE = 2;

    /** What opening produced: the storage (the caller closes it), or what to print and the exit code. */
    sealed interface Opening {
        record Opened(Storage storage) implements Opening {}

        record Failed(List<String> messages, int exitCode) implements Opening {}
    }

    private AuditDatabase() {}

    static Opening open(Path configFile, String command) {
        if (!Files.isRegularFile(configFile)) {
            return failed(NO_DATABASE, command + ": no configuration file at " + configFile.toAbsolutePath()
                    + "; pass the server's configuration with -c FILE");
        }
        return switch (new ConfigLoader().load(configFile, CommandChecker.NONE)) {
            case LoadResult.Rejected rejected -> new Opening.Failed(
                    rejected.errors().stream().map(Object::toString).toList(), BAD_CONFIG);
            case LoadResult.Loaded loaded -> open(loaded.config().storage(), configFile, command);
        };
    }

    private static Opening open(StorageConfig storage, Path configFile, String command) {
        Path missing = missingH2File(storage.url());
        if (missing != null) {
            return failed(NO_DATABASE, command + ": no database at " + missing.toAbsolutePath() + " (storage.url in "
                    + configFile + "); run it from the folder the server runs in, or check the url");
        }
        try {
            return new Opening.Opened(JdbcStorage.open(StorageSettings.of(storage.url(), storage.user(),
                    storage.password())));
        } catch (StorageException | IllegalArgumentException e) {
            String hint = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already in use")
                    ? " (an H2 file can be open in one process at a time: stop the server, or add ;AUTO_SERVER=TRUE"
                    + " to storage.url)" : "";
            return failed(NO_DATABASE, command + ": " + e.getMessage() + hint);
        }
    }

    /** The {@code .mv.db} file of an H2 file URL when it does not exist; null for anything else. */
    private static Path missingH2File(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return null;
        }
        String location = url.substring("jdbc:h2:".length());
        int semicolon = location.indexOf(';');
        location = semicolon < 0 ? location : location.substring(0, semicolon);
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return null;
        }
        String file = lower.startsWith("file:") ? location.substring("file:".length()) : location;
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path database = Path.of(file + ".mv.db");
        return Files.exists(database) ? null : database;
    }

    private static Opening failed(int exitCode, String message) {
        return new Opening.Failed(List.of(message), exitCode);
    }
}
