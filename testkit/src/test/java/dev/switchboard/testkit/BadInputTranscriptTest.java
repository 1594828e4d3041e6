package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.INVALID;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.pipeline.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTranscriptTest {
    private final ChatTestHarness chat = Harnesses.standard();

    @ParameterizedTest
    @ValueSource(strings = {"; rm -rf /", "$(id)", "`reboot`", "ping\nping", "deploy web to staging; rm -rf /"})
    void shellLookingTextIsJustAnUnknownCommand(String text) {
        Outcome outcome = chat.as("alice").says(text);

        assertThat(outcome).isInstanceOf(Outcome.NoMatch.class);
        assertThat(chat.transcript().getLast()).startsWith("bot: I don't know \"").doesNotContain("\n  at ", "Exception");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, INVALID);
        assertThat(chat.audit().getFirst().text()).isEqualTo(text);
    }

    @Test
    void aBadArgumentSaysWhatWasExpected() {
        chat.as("alice").says("deploy web to qa");

        assertThat(chat.transcript().getLast()).isEqualTo(
                "bot: env \"qa\" is not valid for deploy.service: expected one of staging, prod.\n"
                        + "Usage: deploy <service> to <env>");
        assertThat(chat.audit().getLast().commandId()).isEqualTo("deploy.service");
    }

    @Test
    void aHundredKilobyteMessageIsRefusedWithItsLength() {
        chat.as("alice").says("x".repeat(100 * 1024));

        assertThat(chat.transcript().getLast())
                .isEqualTo("bot: Message too long (102400 characters); commands are at most 4000");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, INVALID);
    }

    @Test
    void aNewlineInTheMiddleIsEchoedOnOneLine() {
        chat.as("alice").says("ping\nrm -rf /");

        assertThat(chat.transcript().getLast()).startsWith("bot: I don't know \"ping rm -rf /\".");
    }

    @Test
    void anEmptyMessageIsIgnored() {
        chat.as("alice").says("   ");

        assertThat(chat.transcript()).containsExactly("alice:    ");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED);
    }
}
