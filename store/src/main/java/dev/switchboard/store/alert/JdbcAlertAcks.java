package dev.switchboard.store.alert;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AlertAcks} on the {@code alert_acks} table. A {@link #record} call is one transaction that deletes the
 * earlier acks of its fingerprints and inserts the new ones (the same SQL on H2 and PostgreSQL, where an upsert is
 * spelled differently); when another replica inserts the same fingerprint in between, the primary key refuses it, the
 * transaction rolls back and is tried again. Database failures are {@link StorageException}s. Thread-safe.
 */
public final class JdbcAlertAcks implements AlertAcks {
    private static final int ATTEMPTS = 3;
    private static final String COLUMNS = "fingerprint, acked_by, acked_at, group_id";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcAlertAcks(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void record(List<Ack> acks) {
        Objects.requireNonNull(acks, "acks");
        acks.forEach(ack -> Objects.requireNonNull(ack, "ack"));
        if (acks.isEmpty()) {
            return;
        }
        // The last ack of a fingerprint in the list wins, as if they were recorded one by one.
        Map<String, Ack> latest = new LinkedHashMap<>();
        acks.forEach(ack -> latest.put(ack.fingerprint(), ack));
        for (int attempt = 1; ; attempt++) {
            try {
                database.inTransaction("while recording " + latest.size() + " alert acks", connection -> {
                    write(connection, latest.values());
                    return null;
                });
                return;
            } catch (StorageException e) {
                if (attempt == ATTEMPTS || !duplicate(e)) {
                    throw e;
                }
            }
        }
    }

    private static void write(Connection connection, Iterable<Ack> acks) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_acks WHERE fingerprint = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_acks (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?)")) {
            for (Ack ack : acks) {
                delete.setString(1, ack.fingerprint());
                delete.addBatch();
                insert.setString(1, ack.fingerprint());
                insert.setString(2, ack.by());
                JdbcTime.bind(insert, 3, ack.at());
                insert.setString(4, ack.groupId());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** A unique-key clash (23505) anywhere in the chain: another replica acked the same alert at the same time. */
    private static boolean duplicate(StorageException e) {
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 20; depth++) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            t = t instanceof SQLException sql && sql.getNextException() != null ? sql.getNextException()
                    : t.getCause();
        }
        return false;
    }

    @Override
    public Optional<Ack> find(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return database.autoCommit("while reading the ack of alert " + fingerprint, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM alert_acks WHERE fingerprint = ?")) {
                select.setString(1, fingerprint);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Ack> byUser(String by, int limit) {
        Objects.requireNonNull(by, "by");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return database.autoCommit("while listing the alerts " + by + " acked", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM alert_acks"
                    + " WHERE acked_by = ? ORDER BY acked_at DESC, fingerprint")) {
                select.setString(1, by);
                select.setMaxRows(limit);
                List<Ack> acks = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && acks.size() < limit) {
                        acks.add(read(rows));
                    }
                }
                return acks;
            }
        });
    }

    private static Ack read(ResultSet row) throws SQLException {
        return new Ack(row.getString(1), row.getString(2), JdbcTime.read(row, 3), row.getString(4));
    }
}
