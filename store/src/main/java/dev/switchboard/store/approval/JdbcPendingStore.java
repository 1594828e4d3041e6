package dev.switchboard.store.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.approval.PendingRequest.Kind;
import dev.switchboard.api.approval.PendingRequest.State;
import dev.switchboard.api.approval.PendingRequest.Vote;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.internal.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PendingStore} on the {@code pending_requests} and {@code pending_votes} tables. Thread-safe and safe across
 * replicas: state changes are compare-and-set updates, and votes on one request are serialised by locking its row,
 * so a vote is never counted twice nor recorded after the request left {@code PENDING}. Times are kept to the
 * microsecond. A second request of the same kind under one correlation id is refused with an
 * {@link IllegalArgumentException} (the engine makes at most one, so it is a bug); database failures are
 * {@link dev.switchboard.api.StorageException}s.
 */
public final class JdbcPendingStore implements PendingStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ORDER = " ORDER BY r.created_at, r.id";

    private final Database database;

    /** Built by {@link dev.switchboard.store.JdbcStorage}, which owns the database and its pool. */
    public JdbcPendingStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean create(PendingRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return database.inTransaction("while storing pending request " + request.id(), connection -> {
                insert(connection, request);
                return true;
            });
        } catch (Clash clash) {
            // The id or the (correlation, kind) pair is taken; the transaction is rolled back, so ask afresh which.
            if (find(request.id()).isPresent()) {
                return false;
            }
            if (findByCorrelation(request.correlationId(), request.kind()).isPresent()) {
                throw new IllegalArgumentException("there is already a " + PendingRows.wire(request.kind())
                        + " request under correlation " + request.correlationId());
            }
            // The clashing row is gone again (it never should be); the caller may simply retry.
            return false;
        }
    }

    private static void insert(Connection connection, PendingRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(PendingRows.INSERT)) {
            PendingRows.bindInsert(insert, request);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new Clash();
            }
            throw e;
        }
        for (int i = 0; i < request.votes().size(); i++) {
            insertVote(connection, request.id(), request.votes().get(i), i + 1);
        }
    }

    @Override
    public Optional<PendingRequest> find(String id) {
        Objects.requireNonNull(id, "id");
        return database.autoCommit("while reading pending request " + id,
                connection -> select(connection, " WHERE r.id = ?", List.of(id)).stream().findFirst());
    }

    @Override
    public Optional<PendingRequest> findByCorrelation(String correlationId, Kind kind) {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(kind, "kind");
        return database.autoCommit("while looking up the " + PendingRows.wire(kind) + " of " + correlationId,
                connection -> select(connection, " WHERE r.correlation_id = ? AND r.kind = ?",
                        List.of(correlationId, PendingRows.wire(kind))).stream().findFirst());
    }

    @Override
    public Optional<PendingRequest> addVote(String id, Vote vote) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vote, "vote");
        return database.inTransaction("while recording " + vote.approverId() + "'s vote on " + id, connection -> {
            // Locking the request row serialises votes on it (across replicas too), so the checks below hold
            // until the vote is committed.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT state FROM pending_requests WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next() || !PendingRows.wire(State.PENDING).equals(row.getString(1))) {
                        return Optional.empty();
                    }
                }
            }
            int seq = 1;
            try (PreparedStatement votes = connection.prepareStatement(
                    "SELECT approver_id, seq FROM pending_votes WHERE request_id = ?")) {
                votes.setString(1, id);
                try (ResultSet rows = votes.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString(1).equals(vote.approverId())) {
                            return Optional.empty();
                        }
                        seq = Math.max(seq, rows.getInt(2) + 1);
                    }
                }
            }
            insertVote(connection, id, vote, seq);
            return select(connection, " WHERE r.id = ?", List.of(id)).stream().findFirst();
        });
    }

    private static void insertVote(Connection connection, String id, Vote vote, int seq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pending_votes"
                + " (request_id, approver_id, account, voted_at, seq) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, vote.approverId());
            insert.setString(3, vote.account());
            JdbcTime.bind(insert, 4, vote.at());
            insert.setInt(5, seq);
            insert.executeUpdate();
        }
    }

    @Override
    public boolean transition(String id, State from, State to, String note) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return database.autoCommit("while moving pending request " + id + " from " + PendingRows.wire(from) + " to "
                + PendingRows.wire(to), connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE pending_requests SET state = ?, note = ? WHERE id = ? AND state = ?")) {
                        update.setString(1, PendingRows.wire(to));
                        update.setString(2, note);
                        update.setString(3, id);
                        update.setString(4, PendingRows.wire(from));
                        return update.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public List<PendingRequest> pending() {
        return database.autoCommit("while listing pending requests", connection -> select(connection,
                " WHERE r.state = ?", List.of(PendingRows.wire(State.PENDING))));
    }

    @Override
    public List<PendingRequest> expiring(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.autoCommit("while listing expiring pending requests", connection -> select(connection,
                " WHERE r.state = ? AND r.expires_at <= ?", List.of(PendingRows.wire(State.PENDING), now)));
    }

    /**
     * The requests matching {@code condition} (on alias {@code r}, with {@code parameters}), oldest first, each with
     * its votes in the order given. Requests are read before votes, so a vote committed in between is included
     * rather than missed; a listing costs two queries whatever its length.
     */
    private static List<PendingRequest> select(Connection connection, String condition, List<Object> parameters)
            throws SQLException {
        List<PendingRequest> requests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + PendingRows.COLUMNS + " FROM pending_requests r" + condition + ORDER)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    requests.add(PendingRows.read(rows));
                }
            }
        }
        if (requests.isEmpty()) {
            return requests;
        }
        Map<String, List<Vote>> votes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT v.request_id, v.approver_id,"
                + " v.account, v.voted_at FROM pending_votes v JOIN pending_requests r ON r.id = v.request_id"
                + condition + " ORDER BY v.request_id, v.seq")) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    votes.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(new Vote(rows.getString(2), rows.getString(3), JdbcTime.read(rows, 4)));
                }
            }
        }
        return requests.stream().map(request -> withVotes(request, votes.getOrDefault(request.id(), List.of())))
                .toList();
    }

    private static PendingRequest withVotes(PendingRequest request, List<Vote> votes) {
        PendingRequest voted = request;
        for (Vote vote : votes) {
            voted = voted.withVote(vote);
        }
        return voted;
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) instanceof Instant instant) {
                JdbcTime.bind(statement, i + 1, instant);
            } else {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    /** The insert hit a unique key; thrown out of the transaction so it rolls back, then sorted out by the caller. */
    private static final class Clash extends RuntimeException {
        Clash() {
            super("unique key taken", null, false, false);
        }
    }
}
