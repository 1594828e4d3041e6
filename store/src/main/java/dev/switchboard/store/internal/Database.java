package dev.switchboard.store.internal;

import dev.switchboard.api.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs units of JDBC work on a pooled {@link DataSource}, each on its own connection, and reports failures as
 * {@link StorageException}s saying what was being done. Thread-safe. Messages never contain the password: it is
 * masked wherever a driver message might echo it.
 */
public final class Database {
    /** One unit of JDBC work on a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String secret;
    private volatile boolean closed;

    /** {@code secret} is the password to mask in messages; may be null or empty. */
    public Database(DataSource dataSource, String secret) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param context what is being done, for the error message ("while appending 3 audit events")
     */
    public <T> T inTransaction(String context, Work<T> work) {
        try (Connection connection = borrow(context)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(context, e);
        }
    }

    /** Runs {@code work} with auto-commit on: each statement is its own transaction. */
    public <T> T autoCommit(String context, Work<T> work) {
        try (Connection connection = borrow(context)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(context, e);
        }
    }

    /** After this, every call fails with "the storage is closed" instead of a pool error. */
    public void markClosed() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A storage failure for {@code context}, with the driver's message and without the password. */
    public StorageException failure(String context, SQLException e) {
        return new StorageException("database error " + context + ": " + mask(describe(e)), e);
    }

    /** {@code text} with the password replaced by {@code ***}. */
    public String mask(String text) {
        return secret == null || text == null ? text : text.replace(secret, "***");
    }

    private Connection borrow(String context) throws SQLException {
        if (closed) {
            throw new StorageException("cannot work " + context + ": the storage is closed");
        }
        return dataSource.getConnection();
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Drivers spread long messages over lines (H2 appends the SQL); the first line says what went wrong.
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return e.getSQLState() == null ? firstLine : firstLine + " [SQLState " + e.getSQLState() + "]";
    }
}
