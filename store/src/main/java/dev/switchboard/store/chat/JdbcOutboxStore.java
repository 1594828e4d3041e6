package dev.switchboard.store.chat;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OutboxStore} on the {@code outbox} table. Thread-safe and safe across replicas: claims and state changes
 * are conditional updates of one row, so one attempt, and one report of failure, per message. Replies are stored as
 * JSON ({@link ReplyJson}); times to the microsecond. Database failures are {@link StorageException}s.
 */
public final class JdbcOutboxStore implements OutboxStore {
    private static final String COLUMNS = "id, conv_platform, conv_id, conv_thread, kind, target_id, reply, attempts,"
            + " next_attempt_at, claimed_until, created_at, state, delivered_id, last_error";
    private static final String PENDING = "'pending'";
    private static final int MAX_ERROR = 1000;

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcOutboxStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long enqueue(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        return database.inTransaction("while queueing a message to " + draft.to(), connection -> {
            if (draft.kind() == Kind.EDIT) {
                Long coalesced = coalesce(connection, draft);
                if (coalesced != null) {
                    return coalesced;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (conv_platform, conv_id,"
                    + " conv_thread, kind, target_id, reply, attempts, next_attempt_at, created_at, state, last_error)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, " + PENDING + ", ?)", new String[] {"id"})) {
                insert.setString(1, draft.to().platform());
                insert.setString(2, draft.to().id());
                insert.setString(3, draft.to().thread());
                insert.setString(4, wire(draft.kind()));
                insert.setString(5, draft.target());
                insert.setString(6, ReplyJson.encode(draft.reply()));
                JdbcTime.bind(insert, 7, draft.notBefore());
                JdbcTime.bind(insert, 8, draft.created());
                insert.setString(9, shorten(draft.lastError()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new StorageException("the database returned no id for a queued message");
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Puts the draft's content into a pending, unclaimed edit of the same message; its id, or null if none. */
    private static Long coalesce(Connection connection, Draft draft) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM outbox WHERE state = " + PENDING
                + " AND kind = 'edit' AND claimed_until IS NULL AND conv_platform = ? AND conv_id = ?"
                + " AND target_id = ? ORDER BY id")) {
            select.setString(1, draft.to().platform());
            select.setString(2, draft.to().id());
            select.setString(3, draft.target());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getLong(1));
                }
            }
        }
        for (long id : candidates) {
            // Conditional again: a worker may have claimed the row since it was read.
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET reply = ? WHERE id = ?"
                    + " AND state = " + PENDING + " AND claimed_until IS NULL")) {
                update.setString(1, ReplyJson.encode(draft.reply()));
                update.setLong(2, id);
                if (update.executeUpdate() == 1) {
                    return id;
                }
            }
        }
        return null;
    }

    @Override
    public List<Entry> due(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        return database.autoCommit("while looking for queued messages due", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox o"
                    + " WHERE o.state = " + PENDING + " AND o.next_attempt_at <= ?"
                    + " AND (o.claimed_until IS NULL OR o.claimed_until <= ?)"
                    + " AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.state = " + PENDING
                    + " AND p.conv_platform = o.conv_platform AND p.conv_id = o.conv_id)"
                    + " ORDER BY o.id FETCH FIRST ? ROWS ONLY")) {
                JdbcTime.bind(select, 1, now);
                JdbcTime.bind(select, 2, now);
                select.setInt(3, limit);
                return read(select);
            }
        });
    }

    @Override
    public boolean claim(long id, int attempts, Instant until) {
        Objects.requireNonNull(until, "until");
        return update("while claiming queued message " + id, "attempts = attempts + 1, claimed_until = ?",
                " AND attempts = ?", id, until, attempts);
    }

    @Override
    public boolean sent(long id, String deliveredId) {
        Objects.requireNonNull(deliveredId, "deliveredId");
        return update("while marking queued message " + id + " sent",
                "state = 'sent', delivered_id = ?, claimed_until = NULL", "", id, deliveredId);
    }

    @Override
    public boolean retryAt(long id, Instant next, String error) {
        Objects.requireNonNull(next, "next");
        return update("while rescheduling queued message " + id,
                "next_attempt_at = ?, last_error = ?, claimed_until = NULL", "", id, next, shorten(error));
    }

    @Override
    public boolean failed(long id, String error) {
        return update("while marking queued message " + id + " failed",
                "state = 'failed', last_error = ?, claimed_until = NULL", "", id, shorten(error));
    }

    /** {@code UPDATE outbox SET <set> WHERE id = ? AND state = 'pending' <extra>}, binding set values then extras. */
    private boolean update(String context, String set, String extra, long id, Object... values) {
        int setValues = (int) set.chars().filter(c -> c == '?').count();
        return database.autoCommit(context, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET " + set
                    + " WHERE id = ? AND state = " + PENDING + extra)) {
                int i = 1;
                for (int v = 0; v < setValues; v++) {
                    bind(update, i++, values[v]);
                }
                update.setLong(i++, id);
                for (int v = setValues; v < values.length; v++) {
                    bind(update, i++, values[v]);
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Entry> find(long id) {
        return database.autoCommit("while reading queued message " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                select.setLong(1, id);
                return read(select).stream().findFirst();
            }
        });
    }

    @Override
    public List<ConversationRef> backlog() {
        return database.autoCommit("while listing conversations with queued messages", connection -> {
            List<ConversationRef> queues = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT conv_platform, conv_id"
                    + " FROM outbox WHERE state = " + PENDING);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queues.add(ConversationRef.of(rows.getString(1), rows.getString(2)));
                }
            }
            return queues;
        });
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.autoCommit("while forgetting delivered and failed messages before " + cutoff, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox WHERE state <> " + PENDING + " AND created_at < ?")) {
                JdbcTime.bind(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    private static List<Entry> read(PreparedStatement select) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long id = row.getLong(1);
                try {
                    entries.add(new Entry(id, new ConversationRef(row.getString(2), row.getString(3),
                            row.getString(4)), Kind.valueOf(upper(row.getString(5))), row.getString(6),
                            ReplyJson.decode(row.getString(7)), row.getInt(8), JdbcTime.read(row, 9),
                            JdbcTime.read(row, 10), JdbcTime.read(row, 11), State.valueOf(upper(row.getString(12))),
                            row.getString(13), row.getString(14)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    // A hand-edited row: say which one, so an operator can find it.
                    throw new StorageException("queued message " + id + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof Instant instant) {
            JdbcTime.bind(statement, index, instant);
        } else {
            statement.setObject(index, value);
        }
    }

    private static String wire(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String wire) {
        return wire.toUpperCase(Locale.ROOT);
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "...";
    }
}
