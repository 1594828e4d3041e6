package dev.switchboard.server.rest;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert groups the API shows, as the alert router holds them (open ones and those closed recently). The app
 * adapts its router to this port; without alert routing it is {@link #NONE}. Implementations are thread-safe and
 * answer from memory (they are called on request threads).
 */
public interface AlertGroups {
    /** No alert routing: no groups. */
    AlertGroups NONE = new AlertGroups() {
        @Override
        public List<Group> all() {
            return List.of();
        }

        @Override
        public Optional<Group> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<String> groupsOf(String fingerprint) {
            return List.of();
        }
    };

    /** Every group, conversation by conversation, in the order they opened. */
    List<Group> all();

    /** The group with this id, if the router still holds it. */
    Optional<Group> find(String id);

    /** The ids of the groups holding the alert with {@code fingerprint}. */
    List<String> groupsOf(String fingerprint);

    /**
     * One group: its {@code id}, the {@code route} that made it, the {@code conversation} it posts to, the values of
     * the route's {@code groupBy} labels, a one-line {@code title}, its highest {@code severity} (may be null), the
     * alerts it holds (one per fingerprint), the id of the chat message it was last posted as ({@code messageId},
     * null before the first post is confirmed), whether it is {@code folded} into a storm summary or
     * {@code closed}, when it opened, and when it was last posted and last posted or edited (null until then).
     */
    record Group(String id, String route, ConversationRef conversation, Map<String, String> labels, String title,
            String severity, List<Alert> alerts, String messageId, boolean folded, boolean closed, Instant openedAt,
            Instant lastPostedAt, Instant lastSentAt) {
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(openedAt, "openedAt");
            labels = Map.copyOf(labels);
            alerts = List.copyOf(alerts);
        }
    }
}
