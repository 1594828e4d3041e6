package dev.switchboard.bench;

import dev.switchboard.store.StorageSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one benchmark run, and what it is (printed with the results, so a figure is never read
 * against the wrong store). H2 is a file database in a new temporary folder, as the embedded default is a file;
 * PostgreSQL is the server named by {@code SWITCHBOARD_TEST_PG_URL} (with {@code _USER}, {@code _PASSWORD}) in a new
 * schema, or else an embedded server started for the run. {@link #close()} deletes what was created. Not thread-safe.
 */
public final class BenchDatabase implements AutoCloseable {
    private final StorageSettings settings;
    private final String description;
    private final AutoCloseable cleanup;

    private BenchDatabase(StorageSettings settings, String description, AutoCloseable cleanup) {
        this.settings = settings;
        this.description = description;
        this.cleanup = cleanup;
    }

    /** @param kind {@code h2} or {@code postgres} */
    public static BenchDatabase open(String kind) {
        return switch (kind) {
            case "h2" -> h2(temporaryFolder());
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException("unknown store '" + kind + "'; expected h2 or postgres");
        };
    }

    /** An H2 file database in {@code folder}, which is deleted on close. */
    public static BenchDatabase h2(Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("bench").toAbsolutePath();
        return new BenchDatabase(StorageSettings.of(url), "H2 file database in " + folder, () -> deleteTree(folder));
    }

    private static BenchDatabase postgres() {
        String external = System.getenv("SWITCHBOARD_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv("SWITCHBOARD_TEST_PG_USER");
            String password = System.getenv("SWITCHBOARD_TEST_PG_PASSWORD");
            String schema = "sb_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(external, user, password, "CREATE SCHEMA " + schema);
            String url = external + (external.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new BenchDatabase(StorageSettings.of(url, user, password),
                    "PostgreSQL from SWITCHBOARD_TEST_PG_URL, schema " + schema,
                    () -> execute(external, user, password, "DROP SCHEMA " + schema + " CASCADE"));
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1").start();
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            return new BenchDatabase(StorageSettings.of(url, "postgres", null),
                    "embedded PostgreSQL (zonky) on 127.0.0.1:" + server.getPort(), server);
        } catch (IOException e) {
            throw new IllegalStateException("SWITCHBOARD_TEST_PG_URL is not set and an embedded PostgreSQL could not"
                    + " start: " + e.getMessage(), e);
        }
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Which database this is, without credentials. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            cleanup.close();
        } catch (Exception e) {
            System.err.println("could not clean up " + description + ": " + e);
        }
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("switchboard-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the H2 database", e);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL from SWITCHBOARD_TEST_PG_URL refused '" + sql + "': "
                    + e.getMessage(), e);
        }
    }
}
