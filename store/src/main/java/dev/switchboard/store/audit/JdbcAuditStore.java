package dev.switchboard.store.audit;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import dev.switchboard.store.internal.StringMapJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuditStore} on the {@code audit_log} and {@code audit_head} tables. An append is one transaction: lock the
 * head row, link the events with {@link AuditChain#link}, batch-insert them, move the head, commit. Thread-safe and
 * safe across processes sharing the database. Arguments are never null; failures throw
 * {@link StorageException}, and a failed append wrote nothing.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS = "seq, type, time, time_nanos, correlation_id, actor, account, conversation,"
            + " text, command_id, args, job_id, rule, detail, prev_hash, hash";
    private static final String INSERT = "INSERT INTO audit_log (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String MOVE_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";
    private static final int BATCH_CHUNK = 1_000;

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcAuditStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<AuditRecord> append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String context = "while appending " + events.size() + " audit event" + (events.size() == 1 ? "" : "s");
        return database.inTransaction(context, connection -> {
            List<AuditRecord> records = lockHeadAndLink(connection, events);
            insert(connection, records);
            AuditRecord last = records.getLast();
            try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
                move.setLong(1, last.seq());
                move.setString(2, last.hash());
                move.executeUpdate();
            }
            return records;
        });
    }

    private static List<AuditRecord> lockHeadAndLink(Connection connection, List<AuditEvent> events)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
                ResultSet head = lock.executeQuery()) {
            if (!head.next()) {
                throw new StorageException("the audit_head row is missing; the schema was changed by hand");
            }
            return AuditChain.link(head.getLong("seq"), head.getString("hash"), events);
        }
    }

    private static void insert(Connection connection, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (AuditRecord record : records) {
                bind(insert, record);
                insert.addBatch();
                if (++pending == BATCH_CHUNK) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord record) throws SQLException {
        AuditEvent e = record.event();
        insert.setLong(1, record.seq());
        insert.setString(2, e.type().wireName());
        JdbcTime.bind(insert, 3, e.time());
        insert.setInt(4, e.time().getNano());
        insert.setString(5, e.correlationId());
        insert.setString(6, e.actor());
        insert.setString(7, e.account());
        insert.setString(8, e.conversation());
        insert.setString(9, e.text());
        insert.setString(10, e.commandId());
        insert.setString(11, StringMapJson.encode(e.args()));
        if (e.jobId() == null) {
            insert.setNull(12, Types.BIGINT);
        } else {
            insert.setLong(12, e.jobId());
        }
        insert.setString(13, e.rule());
        insert.setString(14, StringMapJson.encode(e.detail()));
        insert.setString(15, record.prevHash());
        insert.setString(16, record.hash());
    }

    @Override
    public List<AuditRecord> read(long fromSeq, int limit) {
        requirePositive(limit);
        return database.autoCommit("while reading " + limit + " audit records from seq " + fromSeq, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?")) {
                select.setLong(1, fromSeq);
                select.setInt(2, limit);
                return records(select);
            }
        });
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        requirePositive(query.limit());
        AuditQuerySql sql = AuditQuerySql.of(query);
        return database.autoCommit("while querying the audit log", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_log"
                    + sql.where() + " ORDER BY seq DESC LIMIT ?")) {
                int next = sql.bind(select);
                select.setInt(next, query.limit());
                return records(select);
            }
        });
    }

    @Override
    public Optional<AuditRecord> head() {
        return database.autoCommit("while reading the audit head", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                return records(select).stream().findFirst();
            }
        });
    }

    private static List<AuditRecord> records(PreparedStatement select) throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(record(rows));
            }
        }
        return records;
    }

    /** Reads one row of {@link #COLUMNS} by position: reading by name costs H2 a lookup per column per row. */
    private static AuditRecord record(ResultSet row) throws SQLException {
        long seq = row.getLong(1);
        long jobId = row.getLong(12);
        Long job = row.wasNull() ? null : jobId;
        try {
            Instant time = JdbcTime.read(row, 3);
            AuditEvent event = new AuditEvent(
                    AuditEventType.fromWireName(row.getString(2)),
                    Instant.ofEpochSecond(time.getEpochSecond(), row.getInt(4)),
                    row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                    row.getString(10), StringMapJson.decode(row.getString(11)), job, row.getString(13),
                    StringMapJson.decode(row.getString(14)));
            return new AuditRecord(seq, event, row.getString(15), row.getString(16));
        } catch (IllegalArgumentException e) {
            throw new StorageException("audit record " + seq + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }
}
