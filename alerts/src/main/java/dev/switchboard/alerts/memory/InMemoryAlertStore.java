package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AlertStore} in memory. Thread-safe: every call holds one lock, so a {@link #record} batch is applied all or
 * nothing as far as readers can tell. Nothing survives the process.
 */
public final class InMemoryAlertStore implements AlertStore {
    private static final Comparator<Alert> LONGEST_FIRING =
            Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint);
    private static final Comparator<Alert> NEWEST_RECEIVED =
            Comparator.comparing(Alert::receivedAt).reversed().thenComparing(Alert::fingerprint);

    private final Map<String, Alert> kept = new HashMap<>();
    private final Map<String, List<Transition>> histories = new HashMap<>();

    @Override
    public synchronized Stored record(List<Alert> alerts) {
        Objects.requireNonNull(alerts, "alerts");
        alerts.forEach(alert -> Objects.requireNonNull(alert, "alert"));
        Stored stored = Stored.NOTHING;
        for (Alert alert : alerts) {
            Change change = AlertStore.classify(kept.get(alert.fingerprint()), alert);
            stored = stored.plus(change);
            switch (change) {
                case STALE -> { }
                case REPEATED -> kept.put(alert.fingerprint(), alert);
                case OPENED, RESOLVED -> {
                    kept.put(alert.fingerprint(), alert);
                    List<Transition> history = histories.computeIfAbsent(alert.fingerprint(),
                            f -> new ArrayList<>());
                    history.add(new Transition(alert.fingerprint(), history.size() + 1, alert.status(),
                            alert.firing() ? alert.startsAt() : AlertStore.endOf(alert), alert.receivedAt()));
                }
            }
        }
        return stored;
    }

    @Override
    public synchronized Optional<Alert> find(String fingerprint) {
        return Optional.ofNullable(kept.get(Objects.requireNonNull(fingerprint, "fingerprint")));
    }

    @Override
    public synchronized List<Transition> history(String fingerprint) {
        return List.copyOf(histories.getOrDefault(Objects.requireNonNull(fingerprint, "fingerprint"), List.of()));
    }

    @Override
    public synchronized List<Alert> firing() {
        return kept.values().stream().filter(Alert::firing).sorted(LONGEST_FIRING).toList();
    }

    @Override
    public synchronized List<Alert> query(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        return kept.values().stream().filter(query::matches).sorted(NEWEST_RECEIVED).limit(query.limit()).toList();
    }
}
