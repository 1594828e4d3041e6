package dev.switchboard.api.alert;

import java.util.Collection;
import java.util.List;

/**
 * Durable alert-group state (DESIGN.md section 8: alert groups survive a restart): the alert router saves the
 * groups that changed after each round and loads them all when it starts, so a resolve after a restart edits the
 * message posted before it and {@code alerts group <id>} still answers. Thread-safe. Throws
 * {@link dev.switchboard.api.StorageException} when the store cannot be used; arguments are never null.
 */
public interface AlertGroupStore {

    /**
     * Keeps each of {@code groups}, replacing what was kept under the same id, all or nothing (one transaction). An
     * empty list changes nothing.
     */
    void save(List<SavedAlertGroup> groups);

    /** Forgets the groups with these ids, all or nothing; unknown ids are ignored. */
    void delete(Collection<String> ids);

    /** Every kept group, oldest first (by {@code openedAt}, then id). */
    List<SavedAlertGroup> all();
}
