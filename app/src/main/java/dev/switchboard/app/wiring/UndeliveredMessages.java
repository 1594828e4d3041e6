package dev.switchboard.app.wiring;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.core.chat.DeliveryFailures;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message the outbox gave up on: it is logged as an error and audited as {@code undelivered}
 * (conversation, attempts, reason), so nothing is dropped silently. Telling the conversation is pointless (it is
 * the one that cannot be reached).
 */
final class UndeliveredMessages implements DeliveryFailures {
    private static final Logger log = LoggerFactory.getLogger(UndeliveredMessages.class);

    private final AuditLog audit;
    private final Clock clock;

    UndeliveredMessages(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void undelivered(OutboxStore.Entry message, String reason) {
        log.error("gave up delivering message {} to {} after {} attempts: {}", message.id(), message.to(),
                message.attempts(), reason);
        try {
            audit.record(AuditEvent.builder(AuditEventType.UNDELIVERED, clock.instant())
                    .conversation(message.to().toString())
                    .detail("message", message.id())
                    .detail("kind", message.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .detail("attempts", message.attempts())
                    .detail("reason", reason)
                    .build());
        } catch (RuntimeException e) {
            log.error("could not audit the undelivered message {}", message.id(), e);
        }
    }
}
