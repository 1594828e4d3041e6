package dev.switchboard.store.audit;

import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of an {@link AuditQuery}, with its parameters. The command glob becomes a LIKE pattern: {@code *}
 * any run of characters, {@code ?} one character, and SQL's own wildcards in the id matched literally.
 */
record AuditQuerySql(String where, List<Object> parameters) {
    static final char ESCAPE = '!';

    static AuditQuerySql of(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("actor = ?");
            parameters.add(query.actor());
        }
        if (query.commandPattern() != null) {
            conditions.add("command_id LIKE ? ESCAPE '" + ESCAPE + "'");
            parameters.add(likePattern(query.commandPattern()));
        }
        if (!query.types().isEmpty()) {
            conditions.add("type IN (" + String.join(", ", query.types().stream().map(t -> "?").toList()) + ")");
            query.types().stream().map(AuditEventType::wireName).sorted().forEach(parameters::add);
        }
        if (query.since() != null) {
            // time holds microseconds; the exact nanoseconds decide only within the same microsecond.
            Instant micros = query.since().truncatedTo(ChronoUnit.MICROS);
            conditions.add("(time > ? OR (time = ? AND time_nanos >= ?))");
            parameters.add(micros);
            parameters.add(micros);
            parameters.add(query.since().getNano());
        }
        return new AuditQuerySql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions),
                List.copyOf(parameters));
    }

    /** {@code deploy.*} → {@code deploy.%}; {@code a_b*} → {@code a!_b%}. */
    static String likePattern(String glob) {
        StringBuilder like = new StringBuilder(glob.length() + 4);
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', ESCAPE -> like.append(ESCAPE).append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            switch (parameter) {
                case String s -> statement.setString(index, s);
                case Integer i -> statement.setInt(index, i);
                case Instant instant -> JdbcTime.bind(statement, index, instant);
                default -> throw new IllegalStateException("unexpected parameter " + parameter.getClass());
            }
            index++;
        }
        return index;
    }
}
