package dev.switchboard.store;

import java.util.Objects;

/**
 * Where the database is and how many connections to pool. {@code user} and {@code password} may be null (H2's
 * defaults, or credentials given in the URL). {@link #toString()} never shows the password.
 *
 * @param url {@code jdbc:h2:file:./data/switchboard} (the embedded default) or {@code jdbc:postgresql://host:5432/db}
 * @param maxPoolSize the most connections held open at once; at least 1
 */
public record StorageSettings(String url, String user, String password, int maxPoolSize) {
    /** The embedded default: an H2 file database under {@code ./data}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/switchboard";

    /** Enough connections for the group-committing audit writer, job workers and readers at once. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public StorageSettings {
        Objects.requireNonNull(url, "url");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, but was " + maxPoolSize);
        }
    }

    public static StorageSettings of(String url) {
        return new StorageSettings(url, null, null, DEFAULT_POOL_SIZE);
    }

    public static StorageSettings of(String url, String user, String password) {
        return new StorageSettings(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** The embedded default database with the default pool. */
    public static StorageSettings embeddedDefault() {
        return of(DEFAULT_URL);
    }

    @Override
    public String toString() {
        return "StorageSettings[url=" + DatabaseUrl.redact(url) + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
