package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.approval.PendingStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link PendingStore} in memory, for tests and for running without a database; everything is lost on restart.
 * Thread-safe: one lock guards every method, so each is atomic and every change is a true compare-and-set.
 * Instants are kept exactly. Arguments must not be null, except {@code note}.
 *
 * <p>Like the database store, it refuses a second request of the same kind under one correlation id with an
 * {@link IllegalArgumentException}: the engine makes at most one of each, so a second is a bug.
 */
public final class InMemoryPendingStore implements PendingStore {
    private static final Comparator<PendingRequest> OLDEST_FIRST =
            Comparator.comparing(PendingRequest::created).thenComparing(PendingRequest::id);

    private final Object lock = new Object();
    private final Map<String, PendingRequest> byId = new HashMap<>();

    @Override
    public boolean create(PendingRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            if (byId.containsKey(request.id())) {
                return false;
            }
            if (findByCorrelationLocked(request.correlationId(), request.kind()).isPresent()) {
                throw new IllegalArgumentException("there is already a " + request.kind().name().toLowerCase(Locale.ROOT)
                        + " request under correlation " + request.correlationId());
            }
            byId.put(request.id(), request);
            return true;
        }
    }

    @Override
    public Optional<PendingRequest> find(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public Optional<PendingRequest> findByCorrelation(String correlationId, PendingRequest.Kind kind) {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(kind, "kind");
        synchronized (lock) {
            return findByCorrelationLocked(correlationId, kind);
        }
    }

    @Override
    public Optional<PendingRequest> addVote(String id, PendingRequest.Vote vote) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vote, "vote");
        synchronized (lock) {
            PendingRequest current = byId.get(id);
            if (current == null || current.state() != PendingRequest.State.PENDING
                    || current.votedBy(vote.approverId())) {
                return Optional.empty();
            }
            PendingRequest voted = current.withVote(vote);
            byId.put(id, voted);
            return Optional.of(voted);
        }
    }

    @Override
    public boolean transition(String id, PendingRequest.State from, PendingRequest.State to, String note) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        synchronized (lock) {
            PendingRequest current = byId.get(id);
            if (current == null || current.state() != from) {
                return false;
            }
            byId.put(id, current.withState(to, note));
            return true;
        }
    }

    @Override
    public List<PendingRequest> pending() {
        return select(request -> request.state() == PendingRequest.State.PENDING);
    }

    @Override
    public List<PendingRequest> expiring(Instant now) {
        Objects.requireNonNull(now, "now");
        return select(request -> request.state() == PendingRequest.State.PENDING && request.expiredAt(now));
    }

    private List<PendingRequest> select(Predicate<PendingRequest> wanted) {
        synchronized (lock) {
            return byId.values().stream().filter(wanted).sorted(OLDEST_FIRST).toList();
        }
    }

    private Optional<PendingRequest> findByCorrelationLocked(String correlationId, PendingRequest.Kind kind) {
        return byId.values().stream()
                .filter(request -> request.kind() == kind && request.correlationId().equals(correlationId))
                .findFirst();
    }
}
