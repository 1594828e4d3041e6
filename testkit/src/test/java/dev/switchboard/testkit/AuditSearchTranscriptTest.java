package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Searching the audit log from chat: who did what, to which command, recently. */
class AuditSearchTranscriptTest {
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .command(command("deploy.service").template("deploy {service}").reply("deployed {service}"))
            .command(command("echo").template("echo {text...}").reply("{text}"))
            .build()
            .user("alice", "developers")
            .user("bob", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anAuditSearchFiltersByUserCommandAndType() {
        chat.as("alice").says("deploy web");
        chat.as("bob").says("deploy billing");
        chat.as("alice").says("echo hello");

        chat.as("bob").says("audit user:alice command:deploy.* type:finished");

        String answer = chat.transcript().getLast();
        assertThat(answer).startsWith("bot: 1 matching audit events, newest first:")
                .contains("alice").contains("finished").contains("deploy.service").doesNotContain("bob", "echo");
    }

    @Test
    void sinceLeavesOutOlderEvents() {
        chat.as("alice").says("deploy web");
        chat.clock().advance(Duration.ofHours(2));
        chat.as("alice").says("echo later");

        chat.as("bob").says("audit user:alice since:1h");

        assertThat(chat.transcript().getLast()).contains("echo").doesNotContain("deploy.service");
    }

    @Test
    void aFilterItDoesNotKnowIsExplainedWithAnExample() {
        chat.as("bob").says("audit who:alice");
        chat.as("bob").says("audit since:yesterday");

        assertThat(chat.transcript().get(1)).isEqualTo("bot: I don't understand \"who:alice\" in an audit search; "
                + "filters are user:ID, command:PATTERN, since:DURATION (30m, 24h, 7d), type:TYPE and limit:N (1-100); "
                + "for example: audit user:alice command:deploy.* since:24h.");
        assertThat(chat.transcript().get(3)).startsWith("bot: since:yesterday is not a duration;");
    }

    @Test
    void guestsMayNotSearchTheAuditLog() {
        chat.as("mallory").says("audit user:alice");

        assertThat(chat.transcript().getLast()).startsWith("bot: Denied:");
    }
}
