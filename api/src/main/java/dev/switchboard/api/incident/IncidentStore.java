package dev.switchboard.api.incident;

import java.util.List;
import java.util.Optional;

/**
 * Durable incidents and their timelines. Thread-safe and safe across replicas; throws
 * {@link dev.switchboard.api.StorageException} when the store cannot be used. Ids that are not {@code INC-<n>} are
 * simply unknown (empty, false), never an error.
 *
 * <p>Timelines are ordered: entries come back in the order they were appended, whatever their times.
 */
public interface IncidentStore {

    /** Longest list {@link #page} answers. */
    int MAX_PAGE = 500;

    /**
     * Stores a new incident under the next free number ({@code INC-1}, {@code INC-2}, ...; never reused) with
     * {@code first} as its first timeline entry, atomically, and returns it at revision 1.
     */
    Incident declare(NewIncident incident, TimelineEntry first);

    Optional<Incident> find(String id);

    /** Every incident not resolved, oldest declared first. */
    List<Incident> open();

    /**
     * Every incident, open or resolved, whose number (the {@code n} of {@code INC-n}) is greater than
     * {@code afterNumber}, in number order, at most {@code limit}. Page through all incidents by passing the last
     * number of one page as the {@code afterNumber} of the next (start at 0); an empty list means there are no
     * more. Numbers of rolled-back declarations are simply absent.
     *
     * @throws IllegalArgumentException if {@code afterNumber} is negative or {@code limit} is not 1 to
     *     {@link #MAX_PAGE} (a caller's bug: the REST API checks its parameters first)
     */
    List<Incident> page(long afterNumber, int limit);

    /**
     * Replaces the stored incident by {@code changed} and appends {@code entry} to its timeline, atomically, if the
     * stored one is still at {@code changed.revision()}. Returns the stored incident (revision one higher), or empty
     * when the id is unknown or someone else changed it first (re-read and try again).
     */
    Optional<Incident> update(Incident changed, TimelineEntry entry);

    /** Appends {@code entry} to the timeline of incident {@code id}; false if there is no such incident. */
    boolean append(String id, TimelineEntry entry);

    /** The timeline of {@code id}, in append order; empty for an unknown id. */
    List<TimelineEntry> timeline(String id);
}
