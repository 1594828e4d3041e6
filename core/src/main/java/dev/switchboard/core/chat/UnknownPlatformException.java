package dev.switchboard.core.chat;

import dev.switchboard.api.AdapterException;

/**
 * No adapter is enabled for the platform a message is addressed to. A wiring or configuration error rather than an
 * outage, so the {@link Outbox} reports it to the caller at once instead of queueing the message.
 */
public final class UnknownPlatformException extends AdapterException {
    public UnknownPlatformException(String message) {
        super(message);
    }
}
