package dev.switchboard.api.alert;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What is kept of one alert group so that the router can carry on after a restart: the group's short {@code id};
 * its key (the {@code route} name, the {@code conversation} it posts to and its grouping {@code labels}); the
 * fingerprints of the alerts it holds (the alerts themselves are in the {@link AlertStore}); the id of the message
 * it was last posted as ({@code messageId}, null before a post was confirmed); whether a change still waits to be
 * shown ({@code pending}); whether it is {@code closed} (fully resolved and said so) and since when; and the times
 * its waits count from: {@code openedAt}, {@code lastSayAt} (last new post, for the repeat interval) and
 * {@code lastSentAt} (last post or edit, for the group interval), null until they happen. Immutable; labels are
 * sorted by name, fingerprints sorted and distinct.
 */
public record SavedAlertGroup(String id, String route, ConversationRef conversation, Map<String, String> labels,
        List<String> fingerprints, String messageId, boolean pending, boolean closed, Instant openedAt,
        Instant lastSayAt, Instant lastSentAt, Instant closedAt) {
    /** Longest group id kept. */
    public static final int MAX_ID_LENGTH = 16;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1," + MAX_ID_LENGTH + "}");

    public SavedAlertGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(openedAt, "openedAt");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an alert group id is 1 to " + MAX_ID_LENGTH + " lower-case letters,"
                    + " digits or '-', got '" + id + "'");
        }
        if (closed != (closedAt != null)) {
            throw new IllegalArgumentException("group " + id + ": closedAt is set exactly when the group is closed");
        }
        labels = labels == null || labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        fingerprints = fingerprints == null ? List.of() : fingerprints.stream().distinct().sorted().toList();
    }
}
