package dev.switchboard.store.alert;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AlertPages} on the {@code alert_pages} table. A {@link #save} is one transaction that updates the row of its
 * dedup key or, when there is none, inserts it (the same SQL on H2 and PostgreSQL, where an upsert is spelled
 * differently); when another replica inserts the same key in between, the primary key refuses it, the transaction
 * rolls back and is tried again. Database failures are {@link StorageException}s. Thread-safe.
 */
public final class JdbcAlertPages implements AlertPages {
    private static final int ATTEMPTS = 3;
    private static final String COLUMNS = "dedup_key, service, group_id, fingerprint, paged_at, paged_by";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcAlertPages(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void save(Page page) {
        Objects.requireNonNull(page, "page");
        for (int attempt = 1; ; attempt++) {
            try {
                database.inTransaction("while saving the page " + page.dedupKey(), connection -> {
                    if (update(connection, page) == 0) {
                        insert(connection, page);
                    }
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

    private static int update(Connection connection, Page page) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE alert_pages SET service = ?,"
                + " group_id = ?, fingerprint = ?, paged_at = ?, paged_by = ? WHERE dedup_key = ?")) {
            update.setString(1, page.service());
            update.setString(2, page.groupId());
            update.setString(3, page.fingerprint());
            JdbcTime.bind(update, 4, page.at());
            update.setString(5, page.by());
            update.setString(6, page.dedupKey());
            return update.executeUpdate();
        }
    }

    private static void insert(Connection connection, Page page) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_pages (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, page.dedupKey());
            insert.setString(2, page.service());
            insert.setString(3, page.groupId());
            insert.setString(4, page.fingerprint());
            JdbcTime.bind(insert, 5, page.at());
            insert.setString(6, page.by());
            insert.executeUpdate();
        }
    }

    /** A unique-key clash (23505) anywhere in the chain: another replica saved the same key at the same time. */
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
    public void remove(String dedupKey) {
        Objects.requireNonNull(dedupKey, "dedupKey");
        database.autoCommit("while removing the page " + dedupKey, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM alert_pages WHERE dedup_key = ?")) {
                delete.setString(1, dedupKey);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Page> all() {
        return database.autoCommit("while reading the pages sent from chat", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM alert_pages"
                    + " ORDER BY paged_at, dedup_key")) {
                select.setMaxRows(MAX_PAGES);
                List<Page> pages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && pages.size() < MAX_PAGES) {
                        pages.add(new Page(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), JdbcTime.read(rows, 5), rows.getString(6)));
                    }
                }
                return pages;
            }
        });
    }
}
