package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A silence as Alertmanager keeps it: its {@code id}, {@code state}, matchers, time window, who created it
 * ({@code createdBy}, a Switchboard user id when Switchboard created it) and why ({@code comment}). Immutable.
 */
public record Silence(String id, State state, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt,
        String createdBy, String comment) {

    /** Where the silence is in its life: not started yet, muting alerts now, or over (expired or ended). */
    public enum State { PENDING, ACTIVE, EXPIRED }

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        matchers = List.copyOf(matchers);
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /** True while the silence mutes the alerts it matches. */
    public boolean active() {
        return state == State.ACTIVE;
    }
}
