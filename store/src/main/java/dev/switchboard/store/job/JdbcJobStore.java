package dev.switchboard.store.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.NewJob;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import dev.switchboard.store.internal.StringMapJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link JobStore} on the {@code jobs} and {@code job_output} tables. Thread-safe; every method is one transaction.
 * Times are kept to the microsecond. State changes are compare-and-set, so concurrent writers on any replica
 * cannot both move the same job. Arguments are never null except where {@link JobStore} allows it; an unknown job id
 * makes {@link #attachMessage} and {@link #appendOutput} throw {@link IllegalArgumentException}.
 */
public final class JdbcJobStore implements JobStore {
    private static final String COLUMNS = "id, command_id, text, args, requester, account, conv_platform, conv_id,"
            + " conv_thread, correlation_id, lock_name, node, state, created_at, started_at, finished_at, exit_code,"
            + " summary, message_id";
    private static final String UNFINISHED = "('queued', 'running')";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcJobStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long create(NewJob job) {
        return database.autoCommit("while creating a job for " + job.commandId(), connection -> {
            // The id column comes first, so the generated key is column 1 on both drivers.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jobs (command_id, text, args,"
                    + " requester, account, conv_platform, conv_id, conv_thread, correlation_id, lock_name, node,"
                    + " state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ConversationRef conversation = job.conversation();
                insert.setString(1, job.commandId());
                insert.setString(2, job.text());
                insert.setString(3, StringMapJson.encode(job.args()));
                insert.setString(4, job.requester());
                insert.setString(5, job.account());
                insert.setString(6, conversation == null ? null : conversation.platform());
                insert.setString(7, conversation == null ? null : conversation.id());
                insert.setString(8, conversation == null ? null : conversation.thread());
                insert.setString(9, job.correlationId());
                insert.setString(10, job.lockName());
                insert.setString(11, job.node());
                insert.setString(12, JobState.QUEUED.wireName());
                JdbcTime.bind(insert, 13, job.createdAt());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new StorageException("the database returned no id for the new job");
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<JobRecord> find(long id) {
        return database.autoCommit("while reading job " + id,
                connection -> select(connection, " WHERE id = ?", List.of(id)).stream().findFirst());
    }

    @Override
    public boolean transition(long id, JobState from, JobState to, Instant at) {
        // Entering running stamps the start; entering an end state stamps the finish.
        String stamp = to == JobState.RUNNING ? ", started_at = ?" : to.terminal() ? ", finished_at = ?" : "";
        return database.autoCommit("while moving job " + id + " from " + from.wireName() + " to " + to.wireName(),
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE jobs SET state = ?" + stamp + " WHERE id = ? AND state = ?")) {
                        int index = 1;
                        update.setString(index++, to.wireName());
                        if (!stamp.isEmpty()) {
                            JdbcTime.bind(update, index++, at);
                        }
                        update.setLong(index++, id);
                        update.setString(index, from.wireName());
                        return update.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public boolean finish(long id, JobState terminal, Instant at, Integer exitCode, String summary) {
        if (!terminal.terminal()) {
            throw new IllegalArgumentException("a job finishes in an end state, not " + terminal.wireName());
        }
        return database.autoCommit("while finishing job " + id + " as " + terminal.wireName(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE jobs SET state = ?, finished_at = ?,"
                    + " exit_code = ?, summary = ? WHERE id = ? AND state IN " + UNFINISHED)) {
                update.setString(1, terminal.wireName());
                JdbcTime.bind(update, 2, at);
                if (exitCode == null) {
                    update.setNull(3, Types.INTEGER);
                } else {
                    update.setInt(3, exitCode);
                }
                update.setString(4, summary);
                update.setLong(5, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void attachMessage(long id, String messageId) {
        int updated = database.autoCommit("while attaching a message to job " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jobs SET message_id = ? WHERE id = ?")) {
                update.setString(1, messageId);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("there is no job " + id + " to attach message " + messageId + " to");
        }
    }

    @Override
    public void appendOutput(long id, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        database.inTransaction("while appending " + lines.size() + " output lines to job " + id, connection -> {
            // Locking the job row serialises appenders, so line numbers never collide.
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("there is no job " + id + " to append output to");
                    }
                }
            }
            int next = 1;
            try (PreparedStatement max = connection.prepareStatement(
                    "SELECT MAX(line_no) FROM job_output WHERE job_id = ?")) {
                max.setLong(1, id);
                try (ResultSet row = max.executeQuery()) {
                    if (row.next()) {
                        next = row.getInt(1) + 1;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO job_output (job_id, line_no, line) VALUES (?, ?, ?)")) {
                for (String line : lines) {
                    insert.setLong(1, id);
                    insert.setInt(2, next++);
                    insert.setString(3, line);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<String> outputTail(long id, int lines) {
        if (lines < 1) {
            return List.of();
        }
        return database.autoCommit("while reading the output of job " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT line FROM job_output WHERE job_id = ? ORDER BY line_no DESC LIMIT ?")) {
                select.setLong(1, id);
                select.setInt(2, lines);
                List<String> newestFirst = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        newestFirst.add(rows.getString(1));
                    }
                }
                Collections.reverse(newestFirst);
                return newestFirst;
            }
        });
    }

    @Override
    public List<JobRecord> list(JobQuery query) {
        if (query.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + query.limit());
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.requester() != null) {
            conditions.add("requester = ?");
            parameters.add(query.requester());
        }
        if (!query.states().isEmpty()) {
            conditions.add("state IN (" + String.join(", ", query.states().stream().map(s -> "?").toList()) + ")");
            query.states().stream().map(JobState::wireName).sorted().forEach(parameters::add);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        parameters.add(query.limit());
        return database.autoCommit("while listing jobs",
                connection -> select(connection, where + " ORDER BY id DESC LIMIT ?", parameters));
    }

    @Override
    public List<JobRecord> interruptUnfinished(String node, Instant at) {
        return database.inTransaction("while interrupting the unfinished jobs of node " + node, connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM jobs WHERE node = ?"
                    + " AND state IN " + UNFINISHED + " ORDER BY id FOR UPDATE")) {
                lock.setString(1, node);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            List<JobRecord> interrupted = new ArrayList<>(ids.size());
            try (PreparedStatement update = connection.prepareStatement("UPDATE jobs SET state = 'interrupted',"
                    + " finished_at = ? WHERE id = ? AND state IN " + UNFINISHED)) {
                for (long id : ids) {
                    JdbcTime.bind(update, 1, at);
                    update.setLong(2, id);
                    if (update.executeUpdate() == 1) {
                        interrupted.addAll(select(connection, " WHERE id = ?", List.of(id)));
                    }
                }
            }
            return interrupted;
        });
    }

    private static List<JobRecord> select(Connection connection, String tail, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM jobs" + tail)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<JobRecord> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(job(rows));
                }
            }
            return jobs;
        }
    }

    private static JobRecord job(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        String platform = row.getString("conv_platform");
        ConversationRef conversation = platform == null ? null
                : new ConversationRef(platform, row.getString("conv_id"), row.getString("conv_thread"));
        int exit = row.getInt("exit_code");
        Integer exitCode = row.wasNull() ? null : exit;
        try {
            return new JobRecord(id, row.getString("command_id"), row.getString("text"),
                    StringMapJson.decode(row.getString("args")), row.getString("requester"), row.getString("account"),
                    conversation, row.getString("correlation_id"), row.getString("lock_name"), row.getString("node"),
                    JobState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                    JdbcTime.read(row, "created_at"), JdbcTime.read(row, "started_at"),
                    JdbcTime.read(row, "finished_at"), exitCode, row.getString("summary"),
                    row.getString("message_id"));
        } catch (IllegalArgumentException e) {
            throw new StorageException("job " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
