package dev.switchboard.store.approval;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping between a {@link PendingRequest} and a row of {@code pending_requests}: the insert, the column list
 * and reading a row back (votes live in their own table). Arguments are a JSON object in the order they were shown,
 * approvers a JSON array. Stateless and thread-safe.
 */
final class PendingRows {
    static final String COLUMNS = "id, kind, correlation_id, event_id, user_platform, user_id, user_display,"
            + " user_verified, conv_platform, conv_id, conv_thread, text, received_at, direct, requester_id,"
            + " command_id, shown_args, args_hash, rule, approvers, required, created_at, expires_at, state, note";
    static final String INSERT = "INSERT INTO pending_requests (" + COLUMNS + ") VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> ARGS = new TypeReference<>() {};
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

    private PendingRows() {}

    static String wire(PendingRequest.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static String wire(PendingRequest.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Binds every column of {@link #INSERT} from {@code request}. */
    static void bindInsert(PreparedStatement insert, PendingRequest request) throws SQLException {
        InboundMessage message = request.request();
        PlatformUser user = message.user();
        ConversationRef conversation = message.conversation();
        int i = 1;
        insert.setString(i++, request.id());
        insert.setString(i++, wire(request.kind()));
        insert.setString(i++, request.correlationId());
        insert.setString(i++, message.eventId());
        insert.setString(i++, user.platform());
        insert.setString(i++, user.id());
        insert.setString(i++, user.displayName());
        insert.setBoolean(i++, user.verified());
        insert.setString(i++, conversation.platform());
        insert.setString(i++, conversation.id());
        insert.setString(i++, conversation.thread());
        insert.setString(i++, message.text());
        JdbcTime.bind(insert, i++, message.receivedAt());
        insert.setBoolean(i++, message.direct());
        insert.setString(i++, request.requesterId());
        insert.setString(i++, request.commandId());
        insert.setString(i++, JSON.writeValueAsString(request.shownArgs()));
        insert.setString(i++, request.argsHash());
        insert.setString(i++, request.rule());
        insert.setString(i++, JSON.writeValueAsString(request.approvers()));
        insert.setInt(i++, request.required());
        JdbcTime.bind(insert, i++, request.created());
        JdbcTime.bind(insert, i++, request.expires());
        insert.setString(i++, wire(request.state()));
        insert.setString(i, request.note());
    }

    /** The request in the current row of {@code row} (selected with {@link #COLUMNS}), without its votes. */
    static PendingRequest read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            PlatformUser user = new PlatformUser(row.getString("user_platform"), row.getString("user_id"),
                    row.getString("user_display"), row.getBoolean("user_verified"));
            ConversationRef conversation = new ConversationRef(row.getString("conv_platform"),
                    row.getString("conv_id"), row.getString("conv_thread"));
            InboundMessage message = new InboundMessage(row.getString("event_id"), user, conversation,
                    row.getString("text"), JdbcTime.read(row, "received_at"), row.getBoolean("direct"));
            Map<String, String> shownArgs = JSON.readValue(row.getString("shown_args"), ARGS);
            List<String> approvers = JSON.readValue(row.getString("approvers"), NAMES);
            return new PendingRequest(id, PendingRequest.Kind.valueOf(upper(row.getString("kind"))),
                    row.getString("correlation_id"), message, row.getString("requester_id"),
                    row.getString("command_id"), shownArgs, row.getString("args_hash"), row.getString("rule"),
                    approvers, row.getInt("required"), JdbcTime.read(row, "created_at"),
                    JdbcTime.read(row, "expires_at"), PendingRequest.State.valueOf(upper(row.getString("state"))),
                    List.of(), row.getString("note"));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // A hand-edited or half-migrated row: say which one, so an operator can find it.
            throw new StorageException("pending request " + id + " cannot be read: " + e.getClass().getSimpleName()
                    + " " + firstLine(e.getMessage()), e);
        }
    }

    private static String upper(String wire) {
        return wire.toUpperCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
