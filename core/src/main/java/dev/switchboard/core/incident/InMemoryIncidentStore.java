package dev.switchboard.core.incident;

import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@link IncidentStore} in memory, for tests and single-node trials: lost on restart. Thread-safe (one lock). */
public final class InMemoryIncidentStore implements IncidentStore {
    private final NavigableMap<Long, Incident> incidents = new TreeMap<>();
    private final Map<Long, List<TimelineEntry>> timelines = new TreeMap<>();
    private long last;

    @Override
    public synchronized Incident declare(NewIncident incident, TimelineEntry first) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(first, "first");
        long number = ++last;
        Incident stored = incident.as(number);
        incidents.put(number, stored);
        timelines.put(number, new ArrayList<>(List.of(first)));
        return stored;
    }

    @Override
    public synchronized Optional<Incident> find(String id) {
        OptionalLong n = Incident.number(id);
        return n.isEmpty() ? Optional.empty() : Optional.ofNullable(incidents.get(n.getAsLong()));
    }

    @Override
    public synchronized List<Incident> open() {
        return incidents.values().stream().filter(Incident::open)
                .sorted(Comparator.comparing(Incident::declaredAt)).toList();
    }

    @Override
    public synchronized List<Incident> page(long afterNumber, int limit) {
        if (afterNumber < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page needs a number from 0 and a limit from 1 to " + MAX_PAGE
                    + ", got " + afterNumber + " and " + limit);
        }
        return incidents.tailMap(afterNumber, false).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<Incident> update(Incident changed, TimelineEntry entry) {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(entry, "entry");
        OptionalLong n = Incident.number(changed.id());
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Incident kept = incidents.get(n.getAsLong());
        if (kept == null || kept.revision() != changed.revision()) {
            return Optional.empty();
        }
        Incident stored = new Incident(changed.id(), changed.title(), changed.severity(), changed.status(),
                changed.roles(), changed.conversation(), changed.room(), changed.declaredAt(), changed.resolvedAt(),
                changed.summary(), kept.revision() + 1);
        incidents.put(n.getAsLong(), stored);
        timelines.get(n.getAsLong()).add(entry);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean append(String id, TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        OptionalLong n = Incident.number(id);
        if (n.isEmpty() || !timelines.containsKey(n.getAsLong())) {
            return false;
        }
        timelines.get(n.getAsLong()).add(entry);
        return true;
    }

    @Override
    public synchronized List<TimelineEntry> timeline(String id) {
        OptionalLong n = Incident.number(id);
        return n.isEmpty() ? List.of() : List.copyOf(timelines.getOrDefault(n.getAsLong(), List.of()));
    }
}
