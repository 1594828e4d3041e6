package dev.switchboard.store.job;

import dev.switchboard.api.job.LockStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LockStore} on the {@code locks} table: a lock is taken by inserting its name (the primary key makes that
 * atomic across replicas) and released by deleting the holder's row. Thread-safe.
 */
public final class JdbcLockStore implements LockStore {
    private static final String UNIQUE_VIOLATION = "23505";
    /** A holder can release between our failed insert and our look-up; a few retries settle it. */
    private static final int ATTEMPTS = 3;

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcLockStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean tryAcquire(String name, long jobId, Instant at) {
        return database.autoCommit("while taking lock " + name + " for job " + jobId, connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (insert(connection, name, jobId, at)) {
                    return true;
                }
                Optional<Long> holder = holder(connection, name);
                if (holder.isPresent()) {
                    return holder.get() == jobId;
                }
            }
            return false;
        });
    }

    private static boolean insert(Connection connection, String name, long jobId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO locks (name, job_id, acquired_at) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setLong(2, jobId);
            JdbcTime.bind(insert, 3, at);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void release(String name, long jobId) {
        database.autoCommit("while releasing lock " + name + " for job " + jobId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM locks WHERE name = ? AND job_id = ?")) {
                delete.setString(1, name);
                delete.setLong(2, jobId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Long> holder(String name) {
        return database.autoCommit("while looking up lock " + name, connection -> holder(connection, name));
    }

    private static Optional<Long> holder(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT job_id FROM locks WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }
}
