package dev.switchboard.api.job;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.Map;

/**
 * A stored job. Nullable: {@code startedAt}, {@code finishedAt}, {@code exitCode}, {@code summary},
 * {@code lockName}, {@code messageId} (the id of the message its progress is streamed into).
 */
public record JobRecord(
        long id, String commandId, String text, Map<String, String> args, String requester, String account,
        ConversationRef conversation, String correlationId, String lockName, String node, JobState state,
        Instant createdAt, Instant startedAt, Instant finishedAt, Integer exitCode, String summary, String messageId) {
    public JobRecord {
        args = Map.copyOf(args);
    }
}
