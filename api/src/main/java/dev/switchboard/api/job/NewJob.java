package dev.switchboard.api.job;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.Map;

/**
 * A job about to be created, in state {@code queued}. {@code text} and {@code args} are already redacted.
 *
 * @param requester the principal id of who asked
 * @param account the platform account they asked from ({@code web:alice})
 * @param lockName the resolved lock name, or null
 * @param node the id of the server process that owns the job
 */
public record NewJob(
        String commandId, String text, Map<String, String> args, String requester, String account,
        ConversationRef conversation, String correlationId, String lockName, String node, Instant createdAt) {
    public NewJob {
        args = Map.copyOf(args);
    }
}
