package dev.switchboard.config;

import java.util.Objects;

/**
 * The database. {@code user} and {@code password} may be null (the embedded H2 default needs neither); the
 * password is usually a {@code ${env:...}} reference and is left out of {@link #toString()}.
 */
public record StorageConfig(String url, String user, String password) {
    public static final StorageConfig DEFAULT = new StorageConfig("jdbc:h2:file:./data/switchboard", null, null);

    public StorageConfig {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "StorageConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***") + "]";
    }
}
