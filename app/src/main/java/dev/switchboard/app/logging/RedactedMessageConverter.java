package dev.switchboard.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with secrets masked by {@link LogRedaction}: registered for {@code msg}, {@code m} and
 * {@code message} in {@code logback.xml}, so a secret typed in chat or returned by a job never reaches a log line.
 * Called by logback on the logging thread.
 */
public final class RedactedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
