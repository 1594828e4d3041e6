package dev.switchboard.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns. Both databases keep microseconds, so instants
 * are truncated to the microsecond before binding (PostgreSQL would otherwise round, possibly into the next
 * second); the audit log keeps the nanoseconds in a separate column to reproduce its events exactly.
 */
public final class JdbcTime {
    private JdbcTime() {}

    /** Binds {@code instant} (may be null) truncated to the microsecond. */
    public static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** The instant in {@code column}, or null. */
    public static Instant read(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The instant in column {@code index}, or null (by index: H2 resolves column names on every call). */
    public static Instant read(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
