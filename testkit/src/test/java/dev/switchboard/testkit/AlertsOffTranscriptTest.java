package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On a server without an alerts: section, every alert command says how to turn alerts on. */
class AlertsOffTranscriptTest {
    private final ChatTestHarness chat = ChatTestHarness.builder().build().user("alice", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void alertCommandsSayAlertsAreNotEnabledAndWhatToAdd() {
        for (String command : new String[] {"alerts", "alerts firing", "ack group k3x9pa",
                "silence group k3x9pa for 2h", "unsilence 4f1c", "escalate group k3x9pa"}) {
            chat.as("alice").in("#ops").says(command);

            assertThat(chat.transcript("#ops").getLast()).as(command).isEqualTo("bot: Alerts are not enabled here:"
                    + " add an alerts: section (see docs/alerts-and-incidents.md)");
        }
    }
}
