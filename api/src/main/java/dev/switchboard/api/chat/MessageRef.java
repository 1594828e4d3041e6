package dev.switchboard.api.chat;

import java.util.Objects;

/** A message Switchboard posted, so it can be edited later. {@code messageId} is the platform's id for it. */
public record MessageRef(ConversationRef conversation, String messageId) {
    public MessageRef {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(messageId, "messageId");
    }
}
