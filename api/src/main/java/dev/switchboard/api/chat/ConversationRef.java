package dev.switchboard.api.chat;

import java.util.Objects;

/**
 * Where a message was said or should be said: a platform, a conversation on it, and optionally a thread.
 *
 * <p>{@code id} is the platform's own name for the conversation ({@code "#ops"}, {@code "C024BE91L"},
 * {@code "dm:alice"}); {@code thread} is null outside threads. The text form is {@code platform:id}, the form used
 * in config ({@code "web:#ops"}) and in the audit log.
 */
public record ConversationRef(String platform, String id, String thread) {
    public ConversationRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
    }

    public static ConversationRef of(String platform, String id) {
        return new ConversationRef(platform, id, null);
    }

    /** Parses {@code platform:id}; the id may itself contain colons. */
    public static ConversationRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected platform:conversation, like web:#ops, but got '" + text + "'");
        }
        return of(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The same conversation, in the given thread (null for the main conversation). */
    public ConversationRef inThread(String threadId) {
        return new ConversationRef(platform, id, threadId);
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }
}
