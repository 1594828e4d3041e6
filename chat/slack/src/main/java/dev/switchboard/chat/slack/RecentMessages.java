package dev.switchboard.chat.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which event delivered each recent Slack message. A mention in a channel arrives twice from Slack, as
 * {@code app_mention} and as {@code message}, with different event ids: only the first is delivered. A redelivery
 * of the same event (same id) is delivered again, so the core dispatcher, which de-duplicates by event id, sees it.
 * Remembers the last {@code capacity} messages. Thread-safe.
 */
final class RecentMessages {
    private final Map<String, String> eventByMessage;

    RecentMessages(int capacity) {
        this.eventByMessage = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if {@code eventId} is the first event seen for {@code messageKey}, or that same event again. */
    synchronized boolean firstFor(String messageKey, String eventId) {
        String first = eventByMessage.putIfAbsent(messageKey, eventId);
        return first == null || first.equals(eventId);
    }
}
