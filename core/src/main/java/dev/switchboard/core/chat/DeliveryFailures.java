package dev.switchboard.core.chat;

import dev.switchboard.api.chat.OutboxStore;

/**
 * Told about each queued message the {@link Outbox} gave up on, exactly once per message (across replicas too), so
 * the integrator can audit it and tell the admins. Called on an outbox worker thread; should return quickly and not
 * throw (an exception is logged and otherwise ignored).
 */
@FunctionalInterface
public interface DeliveryFailures {
    /** {@code message} is in state {@code FAILED}; {@code reason} is user-safe and says why. */
    void undelivered(OutboxStore.Entry message, String reason);
}
