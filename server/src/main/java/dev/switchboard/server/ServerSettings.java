package dev.switchboard.server;

/**
 * Where the HTTP server listens. {@code bind} is an address such as {@code 127.0.0.1} (the default: loopback only)
 * or {@code 0.0.0.0}; {@code port} 0 picks a free port (see {@link HttpServer#port()}).
 */
public record ServerSettings(String bind, int port) {
    public ServerSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("server.bind is empty; expected an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("server.port " + port + " is out of range; expected 0 to 65535");
        }
    }

    /** Loopback on the given port. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port);
    }
}
