package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.SavedAlertGroup;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AlertGroupStore} in a map, for tests and runs that need nothing to survive a restart. Thread-safe. */
public final class InMemoryAlertGroupStore implements AlertGroupStore {
    private final Map<String, SavedAlertGroup> groups = new HashMap<>();

    @Override
    public synchronized void save(List<SavedAlertGroup> saved) {
        saved.forEach(group -> Objects.requireNonNull(group, "group"));
        saved.forEach(group -> groups.put(group.id(), group));
    }

    @Override
    public synchronized void delete(Collection<String> ids) {
        ids.forEach(groups::remove);
    }

    @Override
    public synchronized List<SavedAlertGroup> all() {
        return groups.values().stream().sorted(Comparator.comparing(SavedAlertGroup::openedAt)
                .thenComparing(SavedAlertGroup::id)).toList();
    }
}
