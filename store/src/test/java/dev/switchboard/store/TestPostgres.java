package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database for one test class: the server named by {@code SWITCHBOARD_TEST_PG_URL} (what CI provides),
 * in a fresh schema dropped at the end, or else an embedded server started for the class. Connections use a role
 * with a password, so tests can check it never leaks. When neither is available the tests fail in CI
 * ({@code CI=true}) and are skipped elsewhere, with a message naming what was missing.
 */
final class TestPostgres implements AutoCloseable {
    static final String ROLE = "switchboard_it";

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestPostgres(EmbeddedPostgres embedded, String url, String user, String password, String schema) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** The CI server if configured, else an embedded one; fails in CI or skips elsewhere when neither works. */
    static TestPostgres obtain() {
        String external = System.getenv("SWITCHBOARD_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            try {
                return external(external, System.getenv("SWITCHBOARD_TEST_PG_USER"),
                        System.getenv("SWITCHBOARD_TEST_PG_PASSWORD"));
            } catch (SQLException e) {
                throw new AssertionError("SWITCHBOARD_TEST_PG_URL is set but the server cannot be used: "
                        + e.getMessage(), e);
            }
        }
        return startEmbedded();
    }

    /** A new embedded server of its own (for tests that stop it). */
    static TestPostgres startEmbedded() {
        EmbeddedPostgres server = null;
        try {
            server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            String password = "pg-Secret-" + UUID.randomUUID();
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
                sql.execute("CREATE DATABASE switchboard OWNER " + ROLE);
            }
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/switchboard";
            return new TestPostgres(server, url, ROLE, password, null);
        } catch (Exception | LinkageError e) {
            closeQuietly(server);
            return unavailable("neither SWITCHBOARD_TEST_PG_URL is set nor could an embedded PostgreSQL start ("
                    + e + ")");
        }
    }

    private static TestPostgres external(String baseUrl, String user, String password) throws SQLException {
        String schema = "sb_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestPostgres(null, url, user, password, schema);
    }

    private static TestPostgres unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("PostgreSQL is required in CI (CI=true) but " + why);
        }
        Assumptions.abort("skipping PostgreSQL tests: " + why);
        throw new AssertionError("unreachable");
    }

    StorageSettings settings() {
        return new StorageSettings(url, user, password, StorageSettings.DEFAULT_POOL_SIZE);
    }

    String password() {
        return password == null ? "no-password-configured" : password;
    }

    boolean embedded() {
        return embedded != null;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Stops the embedded server (for outage tests); an external server is left alone. */
    @Override
    public void close() {
        if (schema != null) {
            try (Connection connection = connect(); Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new AssertionError("could not drop test schema " + schema + ": " + e.getMessage(), e);
            }
        }
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception ignored) {
                // Stopping a test server that failed half-way; nothing more to do.
            }
        }
    }
}
