package dev.switchboard.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.switchboard.core.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml masks secrets in every log message and stack trace, as the server's redactor does. */
class LogRedactionTest {
    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private AutoCloseable registration;

    @BeforeEach
    void configureTheShippedLogging() throws JoranException {
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogRedactionTest.class.getResource("/logback.xml"));
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        stderr.setOutputStream(written);
    }

    @AfterEach
    void stop() throws Exception {
        if (registration != null) {
            registration.close();
        }
        context.stop();
    }

    private String logged() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecretTypedInChatNeverReachesALogLine() {
        registration = LogRedaction.add(Redactor.of(Set.of("s3cr3t-from-env"), List.of(Pattern.compile("EMP-\\d{6}"))));

        context.getLogger("dev.switchboard.test").warn("alice said {} [{}]",
                "login with password=hunter2, token s3cr3t-from-env, badge EMP-123456", "c0ffee");

        assertThat(logged()).contains("alice said login with password=***, token ***, badge *** [c0ffee]")
                .doesNotContain("hunter2", "s3cr3t-from-env", "EMP-123456");
    }

    @Test
    void anExceptionMessageInAStackTraceIsMaskedToo() {
        registration = LogRedaction.add(Redactor.of(Set.of("db-pw-123")));

        context.getLogger("dev.switchboard.test").error("could not connect",
                new IllegalStateException("login failed for jdbc:postgresql://app:db-pw-123@db/x",
                        new RuntimeException("Authorization: Bearer abcdefgh12345678")));

        assertThat(logged()).contains("could not connect", "IllegalStateException", "Bearer ***")
                .doesNotContain("db-pw-123", "abcdefgh12345678");
    }

    @Test
    void builtInPatternsApplyBeforeAnyServerAddsItsOwnSecrets() throws Exception {
        context.getLogger("dev.switchboard.test").info("key AKIAIOSFODNN7EXAMPLE seen");
        AutoCloseable server = LogRedaction.add(Redactor.of(Set.of("only-while-running")));
        context.getLogger("dev.switchboard.test").info("value only-while-running while running");
        server.close();

        assertThat(logged()).contains("key *** seen", "value *** while running")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }
}
