package dev.switchboard.store.incident;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.Incident.Severity;
import dev.switchboard.api.incident.Incident.Status;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.incident.TimelineEntry.Kind;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import dev.switchboard.store.internal.StringMapJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@link IncidentStore} on the {@code incidents} and {@code incident_timeline} tables. Thread-safe and safe across
 * replicas: numbers come from an identity column (the primary key, which also serves {@link #page}); the room is two
 * nullable columns (V8); an update is a compare-and-set on the revision; timeline appends lock the incident's row,
 * so sequence numbers never clash and entries keep their append order. Times are kept to the microsecond. Database failures are {@link dev.switchboard.api.StorageException}s.
 */
public final class JdbcIncidentStore implements IncidentStore {
    private static final String COLUMNS = "num, title, severity, status, roles, platform, conversation, thread,"
            + " declared_at, resolved_at, summary, revision, room_platform, room_conversation";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcIncidentStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Incident declare(NewIncident incident, TimelineEntry first) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(first, "first");
        return database.inTransaction("while declaring an incident", connection -> {
            long number;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incidents (title, severity,"
                    + " status, roles, platform, conversation, thread, declared_at, resolved_at, summary, revision)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1)", Statement.RETURN_GENERATED_KEYS)) {
                Incident draft = incident.as(1);
                insert.setString(1, draft.title());
                insert.setString(2, draft.severity().wireName());
                insert.setString(3, draft.status().wireName());
                insert.setString(4, roles(draft.roles()));
                insert.setString(5, draft.conversation().platform());
                insert.setString(6, draft.conversation().id());
                insert.setString(7, draft.conversation().thread());
                JdbcTime.bind(insert, 8, draft.declaredAt());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database gave no number to the new incident");
                    }
                    number = keys.getLong(1);
                }
            }
            insertEntry(connection, number, 1, first);
            return incident.as(number);
        });
    }

    @Override
    public Optional<Incident> find(String id) {
        OptionalLong number = Incident.number(id);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return database.autoCommit("while reading incident " + id, connection ->
                select(connection, " WHERE num = ?", number.getAsLong()).stream().findFirst());
    }

    @Override
    public List<Incident> open() {
        return database.autoCommit("while listing open incidents", connection ->
                select(connection, " WHERE status <> ? ORDER BY declared_at, num", Status.RESOLVED.wireName()));
    }

    @Override
    public List<Incident> page(long afterNumber, int limit) {
        if (afterNumber < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page needs a number from 0 and a limit from 1 to " + MAX_PAGE
                    + ", got " + afterNumber + " and " + limit);
        }
        // A range scan on the primary key: no index beyond V5's is needed.
        return database.autoCommit("while listing incidents after INC-" + afterNumber, connection ->
                select(connection, " WHERE num > ? ORDER BY num LIMIT ?", afterNumber, limit));
    }

    @Override
    public Optional<Incident> update(Incident changed, TimelineEntry entry) {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(entry, "entry");
        OptionalLong number = Incident.number(changed.id());
        if (number.isEmpty()) {
            return Optional.empty();
        }
        long n = number.getAsLong();
        return database.inTransaction("while updating incident " + changed.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE incidents SET title = ?,"
                    + " severity = ?, status = ?, roles = ?, resolved_at = ?, summary = ?, room_platform = ?,"
                    + " room_conversation = ?, revision = revision + 1 WHERE num = ? AND revision = ?")) {
                update.setString(1, changed.title());
                update.setString(2, changed.severity().wireName());
                update.setString(3, changed.status().wireName());
                update.setString(4, roles(changed.roles()));
                JdbcTime.bind(update, 5, changed.resolvedAt());
                update.setString(6, changed.summary());
                update.setString(7, changed.room() == null ? null : changed.room().platform());
                update.setString(8, changed.room() == null ? null : changed.room().id());
                update.setLong(9, n);
                update.setInt(10, changed.revision());
                if (update.executeUpdate() != 1) {
                    return Optional.<Incident>empty();
                }
            }
            insertEntry(connection, n, nextSeq(connection, n), entry);
            return select(connection, " WHERE num = ?", n).stream().findFirst();
        });
    }

    @Override
    public boolean append(String id, TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        OptionalLong number = Incident.number(id);
        if (number.isEmpty()) {
            return false;
        }
        long n = number.getAsLong();
        return database.inTransaction("while adding to the timeline of incident " + id, connection -> {
            // Locking the incident's row serialises appends to its timeline (across replicas too).
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT num FROM incidents WHERE num = ? FOR UPDATE")) {
                lock.setLong(1, n);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                }
            }
            insertEntry(connection, n, nextSeq(connection, n), entry);
            return true;
        });
    }

    @Override
    public List<TimelineEntry> timeline(String id) {
        OptionalLong number = Incident.number(id);
        if (number.isEmpty()) {
            return List.of();
        }
        return database.autoCommit("while reading the timeline of incident " + id, connection -> {
            List<TimelineEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT at, who, kind, body FROM"
                    + " incident_timeline WHERE incident_num = ? ORDER BY seq")) {
                select.setLong(1, number.getAsLong());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new TimelineEntry(JdbcTime.read(rows, 1), rows.getString(2),
                                Kind.fromWireName(rows.getString(3)), rows.getString(4)));
                    }
                }
            }
            return entries;
        });
    }

    private static int nextSeq(Connection connection, long number) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM incident_timeline WHERE incident_num = ?")) {
            max.setLong(1, number);
            try (ResultSet row = max.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void insertEntry(Connection connection, long number, int seq, TimelineEntry entry)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_timeline"
                + " (incident_num, seq, at, who, kind, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, number);
            insert.setInt(2, seq);
            JdbcTime.bind(insert, 3, entry.at());
            insert.setString(4, entry.who());
            insert.setString(5, entry.kind().wireName());
            insert.setString(6, entry.text());
            insert.executeUpdate();
        }
    }

    private static List<Incident> select(Connection connection, String rest, Object... parameters)
            throws SQLException {
        List<Incident> incidents = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incidents" + rest)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    incidents.add(read(rows));
                }
            }
        }
        return incidents;
    }

    private static Incident read(ResultSet row) throws SQLException {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        StringMapJson.decode(row.getString(5)).forEach((role, user) -> roles.put(Role.parse(role).orElseThrow(
                () -> new IllegalStateException("unknown incident role in the database: " + role)), user));
        String roomPlatform = row.getString(13);
        ConversationRef room = roomPlatform == null ? null : ConversationRef.of(roomPlatform, row.getString(14));
        return new Incident(Incident.id(row.getLong(1)), row.getString(2),
                Severity.parse(row.getString(3)).orElseThrow(), Status.parse(row.getString(4)).orElseThrow(), roles,
                new ConversationRef(row.getString(6), row.getString(7), row.getString(8)), room,
                JdbcTime.read(row, 9), JdbcTime.read(row, 10), row.getString(11), row.getInt(12));
    }

    private static String roles(Map<Role, String> roles) {
        Map<String, String> wire = new TreeMap<>();
        roles.forEach((role, user) -> wire.put(role.wireName(), user));
        return StringMapJson.encode(wire);
    }
}
