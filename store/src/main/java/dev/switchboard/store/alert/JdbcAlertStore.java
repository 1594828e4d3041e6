package dev.switchboard.store.alert;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link AlertStore} on the {@code alerts} and {@code alert_transitions} tables. A {@link #record} call is one
 * transaction: the rows of its fingerprints are locked in sorted order (so two replicas recording overlapping
 * batches wait for each other instead of deadlocking), the batch is applied in memory with
 * {@link AlertStore#classify}, and the changes are written in JDBC batches. Two replicas inserting the same new
 * fingerprint at once is resolved by the primary key: the loser rolls back and tries again, and then finds the row.
 * Times are kept to the microsecond. Database failures are {@link StorageException}s.
 */
public final class JdbcAlertStore implements AlertStore {
    /** Fingerprints per locking SELECT: well below every driver's limit on bind parameters. */
    private static final int LOCK_CHUNK = 500;
    private static final int ATTEMPTS = 3;
    private static final int FETCH_SIZE = 500;

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcAlertStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Stored record(List<Alert> alerts) {
        Objects.requireNonNull(alerts, "alerts");
        alerts.forEach(alert -> Objects.requireNonNull(alert, "alert"));
        if (alerts.isEmpty()) {
            return Stored.NOTHING;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction("while storing " + alerts.size() + " alerts",
                        connection -> apply(connection, alerts));
            } catch (Retry retry) {
                if (attempt == ATTEMPTS) {
                    throw new StorageException("could not store " + alerts.size() + " alerts: another replica kept"
                            + " changing the same alerts (" + ATTEMPTS + " attempts)", retry.getCause());
                }
            }
        }
    }

    /** The state kept for one fingerprint while a batch is applied. */
    private static final class Kept {
        final boolean existed;
        Alert alert;
        int transitions;
        boolean dirty;

        Kept(Alert alert, int transitions) {
            this.existed = alert != null;
            this.alert = alert;
            this.transitions = transitions;
        }
    }

    private static Stored apply(Connection connection, List<Alert> alerts) throws SQLException {
        Set<String> fingerprints = new TreeSet<>();
        alerts.forEach(alert -> fingerprints.add(alert.fingerprint()));
        Map<String, Kept> kept = lock(connection, fingerprints);
        List<Transition> transitions = new ArrayList<>();
        Stored stored = Stored.NOTHING;
        for (Alert alert : alerts) {
            Kept state = kept.computeIfAbsent(alert.fingerprint(), f -> new Kept(null, 0));
            Change change = AlertStore.classify(state.alert, alert);
            stored = stored.plus(change);
            switch (change) {
                case STALE -> { }
                case REPEATED -> {
                    state.alert = alert;
                    state.dirty = true;
                }
                case OPENED, RESOLVED -> {
                    state.alert = alert;
                    state.dirty = true;
                    state.transitions++;
                    transitions.add(new Transition(alert.fingerprint(), state.transitions, alert.status(),
                            alert.firing() ? alert.startsAt() : AlertStore.endOf(alert), alert.receivedAt()));
                }
            }
        }
        write(connection, kept, transitions);
        return stored;
    }

    /** Locks the existing rows of {@code fingerprints} (sorted), returning what they hold. */
    private static Map<String, Kept> lock(Connection connection, Set<String> fingerprints) throws SQLException {
        Map<String, Kept> kept = new HashMap<>();
        List<String> sorted = new ArrayList<>(fingerprints);
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT " + AlertRows.COLUMNS
                    + ", transitions FROM alerts WHERE fingerprint IN (" + marks + ") ORDER BY fingerprint"
                    + " FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Alert alert = AlertRows.read(rows);
                        kept.put(alert.fingerprint(), new Kept(alert, rows.getInt(14)));
                    }
                }
            }
        }
        return kept;
    }

    private static void write(Connection connection, Map<String, Kept> kept, List<Transition> transitions)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(AlertRows.INSERT);
                PreparedStatement update = connection.prepareStatement(AlertRows.UPDATE)) {
            int inserts = 0;
            int updates = 0;
            for (Kept state : kept.values()) {
                if (!state.dirty) {
                    continue;
                }
                if (state.existed) {
                    AlertRows.bindUpdate(update, state.alert, state.transitions);
                    update.addBatch();
                    updates++;
                } else {
                    AlertRows.bindInsert(insert, state.alert, state.transitions);
                    insert.addBatch();
                    inserts++;
                }
            }
            if (inserts > 0) {
                execute(insert);
            }
            if (updates > 0) {
                execute(update);
            }
        }
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_transitions"
                + " (fingerprint, seq, status, at, received_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Transition transition : transitions) {
                insert.setString(1, transition.fingerprint());
                insert.setInt(2, transition.seq());
                insert.setString(3, AlertRows.wire(transition.status()));
                JdbcTime.bind(insert, 4, transition.at());
                JdbcTime.bind(insert, 5, transition.receivedAt());
                insert.addBatch();
            }
            execute(insert);
        }
    }

    /** Runs a batch; a clash with another replica's concurrent write becomes {@link Retry}. */
    private static void execute(PreparedStatement batch) throws SQLException {
        try {
            batch.executeBatch();
        } catch (SQLException e) {
            if (raced(e)) {
                throw new Retry(e);
            }
            throw e;
        }
    }

    /** A unique-key clash (23505) or a serialization failure or deadlock (40001, 40P01), anywhere in the chain. */
    private static boolean raced(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
                t = sql.getNextException() != null ? sql.getNextException() : sql.getCause();
            } else {
                t = t.getCause();
            }
        }
        return false;
    }

    @Override
    public Optional<Alert> find(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return database.autoCommit("while reading alert " + fingerprint, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + AlertRows.COLUMNS + " FROM alerts WHERE fingerprint = ?")) {
                select.setString(1, fingerprint);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(AlertRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Transition> history(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return database.autoCommit("while reading the history of alert " + fingerprint, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, status, at, received_at"
                    + " FROM alert_transitions WHERE fingerprint = ? ORDER BY seq")) {
                select.setString(1, fingerprint);
                List<Transition> history = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        history.add(new Transition(fingerprint, rows.getInt(1), AlertRows.status(rows.getString(2)),
                                JdbcTime.read(rows, 3), JdbcTime.read(rows, 4)));
                    }
                }
                return history;
            }
        });
    }

    @Override
    public List<Alert> firing() {
        return database.autoCommit("while listing firing alerts", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + AlertRows.COLUMNS
                    + " FROM alerts WHERE status = ? ORDER BY starts_at, fingerprint")) {
                select.setString(1, AlertRows.wire(Alert.Status.FIRING));
                select.setFetchSize(FETCH_SIZE);
                List<Alert> alerts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        alerts.add(AlertRows.read(rows));
                    }
                }
                return alerts;
            }
        });
    }

    @Override
    public List<Alert> query(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + AlertRows.COLUMNS + " FROM alerts WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(AlertRows.wire(query.status()));
        }
        if (query.source() != null) {
            sql.append(" AND source = ?");
            parameters.add(query.source());
        }
        if (query.since() != null) {
            sql.append(" AND received_at >= ?");
            parameters.add(query.since());
        }
        sql.append(" ORDER BY received_at DESC, fingerprint");
        return database.autoCommit("while querying alerts", connection -> {
            // Labels are JSON text, so label matchers are applied here, reading rows only until the limit is met.
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    if (parameters.get(i) instanceof Instant instant) {
                        JdbcTime.bind(select, i + 1, instant);
                    } else {
                        select.setObject(i + 1, parameters.get(i));
                    }
                }
                select.setFetchSize(FETCH_SIZE);
                List<Alert> alerts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (alerts.size() < query.limit() && rows.next()) {
                        Alert alert = AlertRows.read(rows);
                        if (query.matches(alert)) {
                            alerts.add(alert);
                        }
                    }
                }
                return alerts;
            }
        });
    }

    /** Another transaction wrote the same alerts first; thrown out of the transaction so it rolls back. */
    private static final class Retry extends RuntimeException {
        Retry(SQLException cause) {
            super("raced another writer", cause, false, false);
        }
    }
}
