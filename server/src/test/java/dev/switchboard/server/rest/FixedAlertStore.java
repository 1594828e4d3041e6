package dev.switchboard.server.rest;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small alert store for API tests: keeps the latest alert and the transitions per fingerprint, in memory. */
class FixedAlertStore implements AlertStore {
    private final Map<String, Alert> latest = new LinkedHashMap<>();
    private final Map<String, List<Transition>> history = new LinkedHashMap<>();

    @Override
    public synchronized Stored record(List<Alert> alerts) {
        Stored stored = Stored.NOTHING;
        for (Alert alert : alerts) {
            Change change = AlertStore.classify(latest.get(alert.fingerprint()), alert);
            stored = stored.plus(change);
            if (change == Change.STALE) {
                continue;
            }
            latest.put(alert.fingerprint(), alert);
            if (change != Change.REPEATED) {
                List<Transition> list = history.computeIfAbsent(alert.fingerprint(), f -> new ArrayList<>());
                list.add(new Transition(alert.fingerprint(), list.size() + 1, alert.status(),
                        alert.firing() ? alert.startsAt() : AlertStore.endOf(alert), alert.receivedAt()));
            }
        }
        return stored;
    }

    @Override
    public synchronized Optional<Alert> find(String fingerprint) {
        return Optional.ofNullable(latest.get(fingerprint));
    }

    @Override
    public synchronized List<Transition> history(String fingerprint) {
        return List.copyOf(history.getOrDefault(fingerprint, List.of()));
    }

    @Override
    public synchronized List<Alert> firing() {
        return latest.values().stream().filter(Alert::firing).toList();
    }

    @Override
    public synchronized List<Alert> query(AlertQuery query) {
        return latest.values().stream().filter(query::matches)
                .sorted(Comparator.comparing(Alert::receivedAt).reversed().thenComparing(Alert::fingerprint))
                .limit(query.limit()).toList();
    }
}
