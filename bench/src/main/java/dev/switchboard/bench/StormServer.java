package dev.switchboard.bench;

import dev.switchboard.app.wiring.Startup;
import dev.switchboard.app.wiring.SwitchboardServer;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;

/**
 * A real Switchboard for one storm, started through the app's own wiring ({@link SwitchboardServer}) from a config
 * file written into a fresh folder: an H2 file database there, the web chat with open login, one Alertmanager
 * receiver with a bearer token (from a file, as in production) and a default route to {@link #ROOM} grouping by
 * alertname and namespace, with the default budget (one post or edit a second per conversation). The folder is
 * deleted on close. Not thread-safe.
 */
final class StormServer implements AutoCloseable {
    static final String ROOM = "#storm";
    static final String WATCHER = "watcher";

    private final Path dir;
    private final String token;
    private SwitchboardServer server;

    private StormServer(Path dir, String token) {
        this.dir = dir;
        this.token = token;
    }

    /** Writes the folder and starts the server on a free loopback port; refuses loudly if Switchboard does. */
    static StormServer start(String token, String groupWait) throws IOException {
        Path dir = Files.createTempDirectory("switchboard-storm-");
        StormServer storm = new StormServer(dir, token);
        Files.writeString(dir.resolve("am-token"), token + "\n");
        Files.writeString(dir.resolve("switchboard.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                storage: { url: "%s" }
                chat:
                  web: { enabled: true, login: open }
                users:
                  - { id: %s, accounts: ["web:%s"], groups: [sre] }
                policy:
                  - { allow: ["*"] }
                alerts:
                  receivers:
                    - { name: alertmanager, kind: alertmanager, auth: { bearer: "${file:am-token}" } }
                  defaultRoute:
                    to: ["web:%s"]
                    groupBy: [alertname, namespace]
                    groupWait: %s
                    groupInterval: 1s
                """.formatted(storm.databaseUrl(), WATCHER, WATCHER, ROOM, groupWait));
        Startup startup = SwitchboardServer.start(dir.resolve("switchboard.yaml"), OptionalInt.of(0),
                Clock.systemUTC());
        switch (startup) {
            case Startup.Running running -> storm.server = running.server();
            case Startup.Refused refused -> {
                BenchDatabase.deleteTree(dir);
                throw new IllegalStateException("Switchboard refused the storm config: " + refused.reasons());
            }
        }
        return storm;
    }

    int port() {
        return server.port();
    }

    String token() {
        return token;
    }

    /**
     * Stops the server, then counts the firing alerts through the store's own API on the same database: what
     * survived, not what was answered.
     */
    int stopAndCountFiring() {
        server.close();
        server = null;
        try (JdbcStorage storage = JdbcStorage.open(StorageSettings.of(databaseUrl()))) {
            return storage.alerts().firing().size();
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        BenchDatabase.deleteTree(dir);
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    }
}
