package dev.switchboard.store.alert;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.store.internal.JdbcTime;
import dev.switchboard.store.internal.StringMapJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The columns of the {@code alerts} table and how an {@link Alert} goes in and out of them. Stateless. */
final class AlertRows {
    static final String COLUMNS = "fingerprint, source, receiver, name, severity, status, labels, annotations,"
            + " summary, links, starts_at, ends_at, received_at";
    static final String INSERT = "INSERT INTO alerts (" + COLUMNS + ", transitions)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE alerts SET source = ?, receiver = ?, name = ?, severity = ?, status = ?,"
            + " labels = ?, annotations = ?, summary = ?, links = ?, starts_at = ?, ends_at = ?, received_at = ?,"
            + " transitions = ? WHERE fingerprint = ?";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertRows() {}

    static String wire(Alert.Status status) {
        return status.wireName();
    }

    static Alert.Status status(String wire) {
        return switch (wire) {
            case "firing" -> Alert.Status.FIRING;
            case "resolved" -> Alert.Status.RESOLVED;
            default -> throw new IllegalStateException("unknown alert status in the database: " + wire);
        };
    }

    /** Binds every column of {@link #INSERT}. */
    static void bindInsert(PreparedStatement insert, Alert alert, int transitions) throws SQLException {
        insert.setString(1, alert.fingerprint());
        bindFields(insert, 2, alert);
        insert.setInt(14, transitions);
    }

    /** Binds every column of {@link #UPDATE}. */
    static void bindUpdate(PreparedStatement update, Alert alert, int transitions) throws SQLException {
        bindFields(update, 1, alert);
        update.setInt(13, transitions);
        update.setString(14, alert.fingerprint());
    }

    /** The twelve columns after the fingerprint, from {@code first}. */
    private static void bindFields(PreparedStatement statement, int first, Alert alert) throws SQLException {
        int i = first;
        statement.setString(i++, alert.source());
        statement.setString(i++, alert.receiver());
        statement.setString(i++, alert.name());
        statement.setString(i++, alert.severity());
        statement.setString(i++, wire(alert.status()));
        statement.setString(i++, StringMapJson.encode(alert.labels()));
        statement.setString(i++, StringMapJson.encode(alert.annotations()));
        statement.setString(i++, alert.summary());
        statement.setString(i++, links(alert.links()));
        JdbcTime.bind(statement, i++, alert.startsAt());
        JdbcTime.bind(statement, i++, alert.endsAt());
        JdbcTime.bind(statement, i, alert.receivedAt());
    }

    /** The alert in the current row, selected with {@link #COLUMNS} first. */
    static Alert read(ResultSet row) throws SQLException {
        return new Alert(row.getString(2), row.getString(3), row.getString(1), row.getString(4), row.getString(5),
                status(row.getString(6)), StringMapJson.decode(row.getString(7)),
                StringMapJson.decode(row.getString(8)), row.getString(9), links(row.getString(10)),
                JdbcTime.read(row, 11), JdbcTime.read(row, 12), JdbcTime.read(row, 13));
    }

    /**
     * {@code [{"title":"…","url":"…"}]}, written by hand: a Jackson generator per alert was a tenth of the webhook's
     * CPU time in a storm (see docs/benchmarks.md, "Alert storm").
     */
    static String links(List<Alert.Link> links) {
        if (links.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(32 + 64 * links.size()).append('[');
        for (Alert.Link link : links) {
            json.append(json.length() > 1 ? ",{\"title\":" : "{\"title\":");
            StringMapJson.quote(json, link.title());
            json.append(",\"url\":");
            StringMapJson.quote(json, link.url());
            json.append('}');
        }
        return json.append(']').toString();
    }

    static List<Alert.Link> links(String json) {
        if (json == null) {
            return List.of();
        }
        List<Alert.Link> links = new ArrayList<>();
        for (JsonNode link : JSON.readTree(json)) {
            links.add(new Alert.Link(link.path("title").asString(), link.path("url").asString()));
        }
        return links;
    }
}
