package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets nobody configured by value are masked because they look like secrets (a built-in pattern) or match a
 * configured {@code security.redact} pattern: in replies, job output and edits, and the audit log.
 */
class PatternRedactionTranscriptTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String EMPLOYEE = "EMP-123456";

    private final JobActions actions = new JobActions();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .jobSettings(ChatTestHarness.quickAck())
            .patterns(List.of(Pattern.compile("EMP-[0-9]{6}")))
            .actions(actions)
            .command(command("note").template("note {words...}").reply("noted: {words}"))
            .command(command("connect").template("connect {host}")
                    .action("gated", Map.of("output", List.of("connecting to {host} with password=hunter2",
                            "badge " + EMPLOYEE + " key " + AWS_KEY), "reply", "connected to {host}")))
            .build().user("alice", "developers");

    @AfterEach
    void stop() {
        actions.release();
        chat.close();
    }

    @Test
    void aReplyMasksWhatLooksLikeASecretAndWhatMatchesAConfiguredPattern() {
        chat.as("alice").says("note key " + AWS_KEY + " for " + EMPLOYEE + ", password=hunter2");

        assertThat(chat.transcript()).last().isEqualTo("bot: noted: key *** for ***, password=***");
    }

    @Test
    void theAuditRowOfAMessageHasItsSecretsMasked() {
        chat.as("alice").says("note key " + AWS_KEY + " for " + EMPLOYEE + ", password=hunter2");

        AuditEvent received = chat.audit().stream().filter(e -> e.type() == AuditEventType.RECEIVED).findFirst()
                .orElseThrow();
        assertThat(received.text()).isEqualTo("note key *** for ***, password=***");
        assertThat(chat.audit()).allSatisfy(e -> assertThat(e.toString())
                .doesNotContain(AWS_KEY, EMPLOYEE, "hunter2"));
    }

    @Test
    void jobOutputLinesAreMaskedInTheProgressEditsAndTheJobView() {
        chat.as("alice").says("connect db1");
        await().atMost(BOUND).until(() -> chat.edits().stream().anyMatch(e -> e.contains("badge")));
        actions.release();
        await().atMost(BOUND).until(() -> chat.transcript().get(1).startsWith("bot: connected"));
        chat.as("alice").says("job 1");

        assertThat(chat.edits()).anySatisfy(e -> assertThat(e)
                .contains("connecting to db1 with password=***\nbadge *** key ***"));
        assertThat(chat.transcript()).last().asString().endsWith("connecting to db1 with password=***\n"
                + "badge *** key ***");
        assertThat(chat.adapter().lines()).filteredOn(l -> l.speaker().equals("bot"))
                .allSatisfy(l -> assertThat(l.text()).doesNotContain(AWS_KEY, EMPLOYEE, "hunter2"));
        assertThat(chat.edits()).allSatisfy(e -> assertThat(e).doesNotContain(AWS_KEY, EMPLOYEE, "hunter2"));
        assertThat(chat.audit()).allSatisfy(e -> assertThat(e.toString())
                .doesNotContain(AWS_KEY, EMPLOYEE, "hunter2"));
    }
}
