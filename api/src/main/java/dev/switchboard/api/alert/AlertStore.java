package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable alerts: the current state of each alert, keyed by fingerprint, and its history of transitions (firing,
 * resolved, firing again). Thread-safe and safe across replicas. Throws {@link dev.switchboard.api.StorageException}
 * when the store cannot be used.
 *
 * <p>How {@link #record} applies one alert to the state kept for its fingerprint, in the order given:
 * <ul>
 *   <li>unknown fingerprint: stored as it is, with one transition to its status;</li>
 *   <li>same status as kept: the kept alert is replaced (newer annotations, summary, links, end time), no
 *       transition ({@link Stored#repeated()});</li>
 *   <li>firing to resolved, or resolved to firing: replaced, and one transition is added;</li>
 *   <li>a firing notification that started before the kept resolved alert ended is a late, out-of-order delivery
 *       of the alert that already resolved: it is ignored ({@link Stored#stale()}), so a resolve is not undone.</li>
 * </ul>
 */
public interface AlertStore {

    /**
     * What one {@link #record} call did: {@code opened} alerts went to firing (new or again), {@code resolved}
     * went to resolved, {@code repeated} kept their status, {@code stale} were ignored. They add up to the number
     * of alerts given.
     */
    record Stored(int opened, int resolved, int repeated, int stale) {
        public static final Stored NOTHING = new Stored(0, 0, 0, 0);

        /** These counts plus one {@code change}. */
        public Stored plus(Change change) {
            return switch (change) {
                case OPENED -> new Stored(opened + 1, resolved, repeated, stale);
                case RESOLVED -> new Stored(opened, resolved + 1, repeated, stale);
                case REPEATED -> new Stored(opened, resolved, repeated + 1, stale);
                case STALE -> new Stored(opened, resolved, repeated, stale + 1);
            };
        }

        public int total() {
            return opened + resolved + repeated + stale;
        }
    }

    /**
     * One change of an alert's status: the {@code seq}th (from 1) for its fingerprint, to {@code status}, at
     * {@code at} (the alert's start for firing, its end for resolved), received at {@code receivedAt}.
     */
    record Transition(String fingerprint, int seq, Alert.Status status, Instant at, Instant receivedAt) {
        public Transition {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** What applying one alert does to the state kept for its fingerprint (the rules above). */
    enum Change { OPENED, RESOLVED, REPEATED, STALE }

    /**
     * The rules above as one pure function, so every store applies them alike. {@code kept} is the alert kept for
     * the fingerprint, null if none.
     */
    static Change classify(Alert kept, Alert incoming) {
        Objects.requireNonNull(incoming, "incoming");
        if (kept == null) {
            return incoming.firing() ? Change.OPENED : Change.RESOLVED;
        }
        if (kept.status() == incoming.status()) {
            return Change.REPEATED;
        }
        if (incoming.firing()) {
            return incoming.startsAt().isBefore(endOf(kept)) ? Change.STALE : Change.OPENED;
        }
        // A resolve that ended before the kept firing started belongs to an earlier episode.
        return endOf(incoming).isBefore(kept.startsAt()) ? Change.STALE : Change.RESOLVED;
    }

    /** When a resolved alert ended: its end time, or when it was received if it had none. */
    static Instant endOf(Alert alert) {
        return alert.endsAt() != null ? alert.endsAt() : alert.receivedAt();
    }

    /**
     * Applies {@code alerts} in order, all or nothing: when this returns, every one is durably stored (one
     * transaction); when it throws, none is. An empty list stores nothing.
     */
    Stored record(List<Alert> alerts);

    /** The alert as last kept for {@code fingerprint}. */
    Optional<Alert> find(String fingerprint);

    /** Every transition of {@code fingerprint}, oldest first; empty for an unknown fingerprint. */
    List<Transition> history(String fingerprint);

    /** Every alert now firing, longest firing first (by start, then fingerprint). */
    List<Alert> firing();

    /** The kept alerts that match {@code query}, most recently received first (then by fingerprint). */
    List<Alert> query(AlertQuery query);
}
