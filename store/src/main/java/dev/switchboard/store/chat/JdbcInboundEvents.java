package dev.switchboard.store.chat;

import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link InboundEvents} on the {@code inbound_events} table: claiming an event is one insert, and the primary key
 * (platform, event id) lets exactly one caller win, on any replica. Thread-safe; database failures are
 * {@link dev.switchboard.api.StorageException}s.
 */
public final class JdbcInboundEvents implements InboundEvents {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcInboundEvents(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean firstTime(String platform, String eventId, Instant at) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        return database.autoCommit("while claiming event " + eventId + " from " + platform, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbound_events (platform, event_id, received_at) VALUES (?, ?, ?)")) {
                insert.setString(1, platform);
                insert.setString(2, eventId);
                JdbcTime.bind(insert, 3, at);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.autoCommit("while forgetting events before " + cutoff, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM inbound_events WHERE received_at < ?")) {
                JdbcTime.bind(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
    }
}
