package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTranscriptTest {
    private final ChatTestHarness chat = Harnesses.builder()
            .secrets(Set.of("hunter2"))
            .command(command("say.it").template("say {words...}").reply("you said {words}"))
            .command(command("vault.login").template("vault login {token}").secretArg("token").reply("logged in"))
            .build().user("alice");

    @Test
    void aConfiguredSecretIsMaskedInTheReplyAndTheAuditLog() {
        chat.as("alice").says("say the password is hunter2");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: you said the password is ***");
        assertThat(chat.audit().getFirst().text()).isEqualTo("say the password is ***");
    }

    @Test
    void aSecretArgumentNeverReachesTheAuditLog() {
        chat.as("alice").says("vault login s.Xy12345");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: logged in");
        assertThat(chat.audit()).extracting(AuditEvent::text).doesNotContain("vault login s.Xy12345")
                .contains("vault login ***");
        assertThat(chat.audit().toString()).doesNotContain("s.Xy12345");
    }
}
