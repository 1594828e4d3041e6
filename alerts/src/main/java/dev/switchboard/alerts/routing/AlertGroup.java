package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.chat.MessageRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live state of one alert group inside the router. Not thread-safe: the router holds its lock around every use.
 */
final class AlertGroup {
    final String id;
    final GroupKey key;
    /** Replaced when a config reload changes the route's timing or quiet hours. */
    Route route;
    private final Map<String, Alert> alerts = new HashMap<>();
    private int firing;
    Instant openedAt;
    MessageRef message;
    boolean awaitingRef;
    Instant lastSayAt;
    Instant lastSentAt;
    boolean dirty;
    boolean folded;
    boolean closed;
    Instant closedAt;
    String ackedBy;
    Instant ackedAt;

    AlertGroup(String id, GroupKey key, Route route, Instant openedAt) {
        this.id = id;
        this.key = key;
        this.route = route;
        this.openedAt = openedAt;
    }

    /**
     * Applies one alert with the store's rules (a late firing after a resolve is ignored) and says whether the
     * group's message would change. A firing alert reopens a closed group as a new episode.
     */
    boolean apply(Alert alert, Instant now) {
        Alert kept = alerts.get(alert.fingerprint());
        AlertStore.Change change = AlertStore.classify(kept, alert);
        if (change == AlertStore.Change.STALE) {
            return false;
        }
        if (closed && alert.firing()) {
            reopen(now);
            kept = alerts.get(alert.fingerprint());
        }
        alerts.put(alert.fingerprint(), alert);
        firing += (alert.firing() ? 1 : 0) - (kept != null && kept.firing() ? 1 : 0);
        boolean visible = kept == null || !sameForReaders(kept, alert);
        dirty |= visible && !closed;
        return visible;
    }

    private void reopen(Instant now) {
        alerts.values().removeIf(a -> !a.firing());
        closed = false;
        closedAt = null;
        folded = false;
        message = null;
        awaitingRef = false;
        openedAt = now;
        lastSayAt = null;
        lastSentAt = null;
        ackedBy = null;
        ackedAt = null;
        dirty = true;
    }

    /** Puts back an alert the group held before a restart, as the store now keeps it; nothing to show for it. */
    void restore(Alert alert) {
        Alert kept = alerts.put(alert.fingerprint(), alert);
        firing += (alert.firing() ? 1 : 0) - (kept != null && kept.firing() ? 1 : 0);
    }

    /** Forgets resolved alerts before a repeat post: they were reported already. */
    void pruneResolved() {
        alerts.values().removeIf(a -> !a.firing());
    }

    // Alertmanager re-sends firing alerts with a moving endsAt; that alone must not cause an edit.
    private static boolean sameForReaders(Alert a, Alert b) {
        return a.status() == b.status() && Objects.equals(a.summary(), b.summary())
                && Objects.equals(a.severity(), b.severity()) && a.labels().equals(b.labels())
                && a.links().equals(b.links()) && a.startsAt().equals(b.startsAt());
    }

    int firing() {
        return firing;
    }

    boolean holds(String fingerprint) {
        return alerts.containsKey(fingerprint);
    }

    int size() {
        return alerts.size();
    }

    boolean allResolved() {
        return firing == 0;
    }

    Iterable<Alert> alerts() {
        return alerts.values();
    }

    boolean hasCriticalFiring() {
        return alerts.values().stream().anyMatch(a -> a.firing() && Severity.critical(a.severity()));
    }

    /** True while quiet hours hold back new posts of this group. */
    boolean quietAt(Instant now) {
        return route.quietHours() != null && route.quietHours().covers(now) && !hasCriticalFiring();
    }

    void close(Instant now) {
        closed = true;
        closedAt = now;
        dirty = false;
    }

    GroupState state() {
        return new GroupState(id, key, alerts.values().stream().toList(), message, folded, closed, openedAt,
                lastSayAt, lastSentAt, ackedBy, ackedAt);
    }
}
