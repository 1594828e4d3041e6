package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the HTTP server listens, and the API tokens it accepts. Defaults: {@code 127.0.0.1}, port {@code 8080}, no
 * tokens (the REST API then refuses every request); port 0 picks a free port.
 */
public record ServerConfig(String bind, int port, List<ApiTokenConfig> apiTokens) {
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        apiTokens = List.copyOf(apiTokens);
    }

    /** Listening on {@code bind:port}, with no API tokens. */
    public ServerConfig(String bind, int port) {
        this(bind, port, List.of());
    }

    /** The same, on another port. */
    public ServerConfig withPort(int otherPort) {
        return new ServerConfig(bind, otherPort, apiTokens);
    }
}
