package dev.switchboard.config;

import java.util.Objects;

/** Where the HTTP server listens. Defaults: {@code 127.0.0.1}, port {@code 8080}; port 0 picks a free port. */
public record ServerConfig(String bind, int port) {
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }
}
