package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of one alert group, as rendered and as a store would keep it: its {@code id}, key, every alert it holds
 * (one per fingerprint, firing first, then longest firing, then by fingerprint), the message it was last posted as
 * ({@code message}, null before the first post is confirmed), whether it is {@code folded} into its conversation's
 * storm summary or {@code closed} (fully resolved and said so), when it opened, was last posted ({@code lastSayAt})
 * and last posted or edited ({@code lastSentAt}); those two are null until it is; who acked it from chat
 * ({@code ackedBy}, a user id) and when ({@code ackedAt}), both null until someone does. Immutable.
 */
public record GroupState(String id, GroupKey key, List<Alert> alerts, MessageRef message, boolean folded,
        boolean closed, Instant openedAt, Instant lastSayAt, Instant lastSentAt, String ackedBy, Instant ackedAt) {
    /** The order alerts are listed in: firing first, longest firing first, then by fingerprint. */
    static final Comparator<Alert> LISTING = Comparator.comparing((Alert a) -> !a.firing())
            .thenComparing(Alert::startsAt).thenComparing(Alert::fingerprint);

    public GroupState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        alerts = alerts.stream().sorted(LISTING).toList();
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** A group nobody acked. */
    public GroupState(String id, GroupKey key, List<Alert> alerts, MessageRef message, boolean folded,
            boolean closed, Instant openedAt, Instant lastSayAt, Instant lastSentAt) {
        this(id, key, alerts, message, folded, closed, openedAt, lastSayAt, lastSentAt, null, null);
    }

    public ConversationRef conversation() {
        return key.conversation();
    }

    public long firing() {
        return alerts.stream().filter(Alert::firing).count();
    }

    public long resolved() {
        return alerts.size() - firing();
    }

    /** The highest severity among firing alerts (among all when none fires), null if none has one. */
    public String severity() {
        List<Alert> pool = firing() > 0 ? alerts.stream().filter(Alert::firing).toList() : alerts;
        return pool.stream().map(Alert::severity).filter(Objects::nonNull)
                .max(Comparator.comparingInt(Severity::rank)).orElse(null);
    }

    /** How many alerts of each name the group holds, most first (then by name). */
    public Map<String, Long> countsByName(boolean firingOnly) {
        Map<String, Long> counts = new TreeMap<>();
        for (Alert alert : alerts) {
            if (!firingOnly || alert.firing()) {
                counts.merge(alert.name(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The alert name, or "Name +2 more" when several names share the group. */
    public String title() {
        Map<String, Long> names = countsByName(false);
        if (names.isEmpty()) {
            return key.labels().getOrDefault("alertname", "alerts");
        }
        String top = names.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        return names.size() == 1 ? top : top + " +" + (names.size() - 1) + " more";
    }
}
