package dev.switchboard.alerts.routing;

import dev.switchboard.api.chat.MessageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one message a conversation's folded groups share during a storm. It follows the timing of its strictest
 * member: edited at most once per the shortest {@code groupInterval}, re-posted after the shortest
 * {@code repeatInterval}. Not thread-safe: the router holds its lock around every use.
 */
final class StormSummary {
    final String id;
    final Set<AlertGroup> members = new LinkedHashSet<>();
    MessageRef message;
    boolean awaitingRef;
    Instant lastSayAt;
    Instant lastSentAt;
    boolean dirty;
    boolean closed;

    StormSummary(String id) {
        this.id = id;
    }

    void fold(AlertGroup group) {
        group.folded = true;
        group.dirty = false;
        members.add(group);
        dirty = true;
    }

    boolean firing() {
        return members.stream().anyMatch(g -> !g.allResolved());
    }

    boolean critical() {
        return members.stream().anyMatch(AlertGroup::hasCriticalFiring);
    }

    /** Quiet while every firing member's route is in quiet hours and nothing critical fires. */
    boolean quietAt(Instant now) {
        return members.stream().filter(g -> !g.allResolved()).allMatch(g -> g.quietAt(now));
    }

    Duration interval() {
        return members.stream().map(g -> g.route.groupInterval()).min(Duration::compareTo)
                .orElse(Route.DEFAULT_GROUP_INTERVAL);
    }

    Duration repeat() {
        return members.stream().map(g -> g.route.repeatInterval()).min(Duration::compareTo)
                .orElse(Route.DEFAULT_REPEAT_INTERVAL);
    }

    /** Before a repeat post: forget what was reported resolved, and close members with nothing left firing. */
    void pruneResolved(Instant now) {
        members.removeIf(g -> {
            if (g.allResolved()) {
                g.close(now);
                return true;
            }
            g.pruneResolved();
            return false;
        });
    }

    void close(Instant now) {
        closed = true;
        dirty = false;
        members.forEach(g -> g.close(now));
    }

    List<GroupState> states() {
        return members.stream().map(AlertGroup::state).toList();
    }
}
