package dev.switchboard.api.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A message addressed to Switchboard, as an adapter delivers it: the mention or prefix is already stripped, the
 * bot's own messages are never delivered.
 *
 * @param eventId the platform's id for this event, used to drop redeliveries; unique per platform
 * @param user who said it
 * @param conversation where, including the thread if it was said in one
 * @param text what was said, without the mention or prefix; may be empty, never null
 * @param receivedAt when the adapter received it
 * @param direct true for a direct (one-to-one) conversation
 */
public record InboundMessage(
        String eventId, PlatformUser user, ConversationRef conversation, String text, Instant receivedAt,
        boolean direct) {
    public InboundMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }
}
