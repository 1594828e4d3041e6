package dev.switchboard.app.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %ex} with secrets masked by {@link LogRedaction}: exception messages (a JDBC URL with a password, a
 * token echoed by a client library) are masked like log messages. Registered for {@code ex}, {@code exception} and
 * {@code throwable} in {@code logback.xml}. Called by logback on the logging thread.
 */
public final class RedactedThrowableConverter extends ExtendedThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
