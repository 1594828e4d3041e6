package dev.switchboard.api.job;

import java.util.Set;

/**
 * Which jobs to list, newest first: optionally only one requester's, optionally only some states; at most
 * {@code limit}.
 */
public record JobQuery(String requester, Set<JobState> states, int limit) {
    public JobQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public static JobQuery recent(int limit) {
        return new JobQuery(null, Set.of(), limit);
    }
}
