package dev.switchboard.store.alert;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.SavedAlertGroup;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import dev.switchboard.store.internal.StringMapJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link AlertGroupStore} on the {@code alert_groups} and {@code alert_group_members} tables (Flyway V6). A save
 * replaces each group's row and members in one transaction (delete, then insert, in batches), so a reader never
 * sees half a group. Times are kept to the microsecond. Thread-safe; database failures are
 * {@link dev.switchboard.api.StorageException}s.
 */
public final class JdbcAlertGroupStore implements AlertGroupStore {
    private static final int BATCH = 500;

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcAlertGroupStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void save(List<SavedAlertGroup> groups) {
        groups.forEach(group -> Objects.requireNonNull(group, "group"));
        if (groups.isEmpty()) {
            return;
        }
        database.inTransaction("while saving " + groups.size() + " alert group(s)", connection -> {
            deleteRows(connection, groups.stream().map(SavedAlertGroup::id).toList());
            insertGroups(connection, groups);
            insertMembers(connection, groups);
            return null;
        });
    }

    @Override
    public void delete(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        if (list.isEmpty()) {
            return;
        }
        database.inTransaction("while forgetting " + list.size() + " alert group(s)", connection -> {
            deleteRows(connection, list);
            return null;
        });
    }

    @Override
    public List<SavedAlertGroup> all() {
        return database.autoCommit("while loading the alert groups", connection -> {
            Map<String, List<String>> members = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT group_id, fingerprint FROM alert_group_members");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            Map<String, SavedAlertGroup> groups = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, route, platform, conversation,"
                    + " thread, labels, message_id, pending, closed, opened_at, last_say_at, last_sent_at, closed_at"
                    + " FROM alert_groups ORDER BY opened_at, id");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    groups.put(id, new SavedAlertGroup(id, row.getString(2),
                            new ConversationRef(row.getString(3), row.getString(4), row.getString(5)),
                            StringMapJson.decode(row.getString(6)), members.getOrDefault(id, List.of()),
                            row.getString(7), row.getBoolean(8), row.getBoolean(9), JdbcTime.read(row, 10),
                            JdbcTime.read(row, 11), JdbcTime.read(row, 12), JdbcTime.read(row, 13)));
                }
            }
            return List.copyOf(groups.values());
        });
    }

    private static void deleteRows(Connection connection, List<String> ids) throws SQLException {
        for (String table : new String[] {"alert_group_members WHERE group_id = ?", "alert_groups WHERE id = ?"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
                int queued = 0;
                for (String id : ids) {
                    delete.setString(1, id);
                    delete.addBatch();
                    if (++queued % BATCH == 0) {
                        delete.executeBatch();
                    }
                }
                delete.executeBatch();
            }
        }
    }

    private static void insertGroups(Connection connection, List<SavedAlertGroup> groups) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_groups (id, route, platform,"
                + " conversation, thread, labels, message_id, pending, closed, opened_at, last_say_at, last_sent_at,"
                + " closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int queued = 0;
            for (SavedAlertGroup group : groups) {
                insert.setString(1, group.id());
                insert.setString(2, group.route());
                insert.setString(3, group.conversation().platform());
                insert.setString(4, group.conversation().id());
                insert.setString(5, group.conversation().thread());
                // The encoder writes no text for an empty map; the column is NOT NULL, so say {} outright.
                insert.setString(6, group.labels().isEmpty() ? "{}" : StringMapJson.encode(group.labels()));
                insert.setString(7, group.messageId());
                insert.setBoolean(8, group.pending());
                insert.setBoolean(9, group.closed());
                JdbcTime.bind(insert, 10, group.openedAt());
                JdbcTime.bind(insert, 11, group.lastSayAt());
                JdbcTime.bind(insert, 12, group.lastSentAt());
                JdbcTime.bind(insert, 13, group.closedAt());
                insert.addBatch();
                if (++queued % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void insertMembers(Connection connection, List<SavedAlertGroup> groups) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO alert_group_members (group_id, fingerprint) VALUES (?, ?)")) {
            int queued = 0;
            for (SavedAlertGroup group : groups) {
                for (String fingerprint : group.fingerprints()) {
                    insert.setString(1, group.id());
                    insert.setString(2, fingerprint);
                    insert.addBatch();
                    if (++queued % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
