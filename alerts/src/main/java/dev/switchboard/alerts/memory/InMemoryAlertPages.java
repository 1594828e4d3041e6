package dev.switchboard.alerts.memory;

import dev.switchboard.api.alert.AlertPages;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AlertPages} in memory. Thread-safe (one lock). Nothing survives the process. */
public final class InMemoryAlertPages implements AlertPages {
    private static final Comparator<Page> OLDEST = Comparator.comparing(Page::at).thenComparing(Page::dedupKey);

    private final Map<String, Page> byKey = new HashMap<>();

    @Override
    public synchronized void save(Page page) {
        Objects.requireNonNull(page, "page");
        byKey.put(page.dedupKey(), page);
    }

    @Override
    public synchronized void remove(String dedupKey) {
        byKey.remove(Objects.requireNonNull(dedupKey, "dedupKey"));
    }

    @Override
    public synchronized List<Page> all() {
        return byKey.values().stream().sorted(OLDEST).limit(MAX_PAGES).toList();
    }
}
