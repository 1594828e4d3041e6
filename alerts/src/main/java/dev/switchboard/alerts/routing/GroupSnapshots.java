package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.SavedAlertGroup;
import dev.switchboard.api.chat.MessageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns router groups into {@link SavedAlertGroup}s and back, and remembers what was last saved so that only the
 * groups that changed are written. Storm summaries are not saved: after a restart their groups are posted on their
 * own. Not thread-safe: the router holds its lock around every use except {@link #saved}, which it calls from the
 * one thread that saves.
 */
final class GroupSnapshots {
    private final Map<String, SavedAlertGroup> lastSaved = new HashMap<>();

    /** What to write now: the groups that differ from what was saved, and the ids of groups since forgotten. */
    record Changes(List<SavedAlertGroup> changed, List<String> gone) {
        boolean isEmpty() {
            return changed.isEmpty() && gone.isEmpty();
        }
    }

    synchronized Changes since(Iterable<AlertGroup> groups) {
        List<SavedAlertGroup> changed = new ArrayList<>();
        Map<String, Boolean> present = new HashMap<>();
        for (AlertGroup group : groups) {
            present.put(group.id, true);
            SavedAlertGroup before = lastSaved.get(group.id);
            // A closed group changes only by reopening, which clears closed: skip re-snapshotting it every round.
            if (before != null && before.closed() && group.closed) {
                continue;
            }
            SavedAlertGroup now = of(group);
            if (!now.equals(before)) {
                changed.add(now);
            }
        }
        List<String> gone = lastSaved.keySet().stream().filter(id -> !present.containsKey(id)).sorted().toList();
        return new Changes(changed, gone);
    }

    /** {@code changes} are durably written: later rounds compare against them. */
    synchronized void saved(Changes changes) {
        changes.changed().forEach(group -> lastSaved.put(group.id(), group));
        changes.gone().forEach(lastSaved::remove);
    }

    static SavedAlertGroup of(AlertGroup group) {
        List<String> fingerprints = new ArrayList<>();
        group.alerts().forEach(alert -> fingerprints.add(alert.fingerprint()));
        // A post not yet confirmed may or may not have reached the chat: after a restart, post again.
        boolean pending = group.dirty || group.awaitingRef;
        return new SavedAlertGroup(group.id, group.key.route(), group.key.conversation(), group.key.labels(),
                fingerprints, group.message == null ? null : group.message.messageId(), pending, group.closed,
                group.openedAt, group.lastSayAt, group.lastSentAt, group.closed ? group.closedAt : null);
    }

    /**
     * The group {@code saved} describes, with its alerts as {@code alerts} now keeps them (fingerprints it no longer
     * knows are left out), on {@code route}; empty when none of its alerts is known any more.
     */
    synchronized Optional<AlertGroup> restore(SavedAlertGroup saved, Route route, Function<String, Optional<Alert>> alerts) {
        GroupKey key = new GroupKey(saved.route(), saved.conversation(), saved.labels());
        AlertGroup group = new AlertGroup(saved.id(), key, route, saved.openedAt());
        saved.fingerprints().forEach(fingerprint -> alerts.apply(fingerprint).ifPresent(group::restore));
        if (group.size() == 0) {
            return Optional.empty();
        }
        group.message = saved.messageId() == null ? null : new MessageRef(saved.conversation(), saved.messageId());
        group.lastSayAt = saved.lastSayAt();
        group.lastSentAt = saved.lastSentAt();
        group.dirty = saved.pending() && !saved.closed();
        group.closed = saved.closed();
        group.closedAt = saved.closedAt();
        lastSaved.put(saved.id(), saved);
        return Optional.of(group);
    }
}
