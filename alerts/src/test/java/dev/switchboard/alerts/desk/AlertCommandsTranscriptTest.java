package dev.switchboard.alerts.desk;

import static dev.switchboard.api.audit.AuditEventType.ALERT_ACKED;
import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.ESCALATED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.SILENCED;
import static dev.switchboard.api.audit.AuditEventType.UNSILENCED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.testkit.ChatTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alert commands typed in chat, through the whole pipeline (parse, policy, audit) to the desk: an on-call
 * engineer acks a crash-looping group, silences it for a deploy, a colleague lifts the silence and escalates.
 */
class AlertCommandsTranscriptTest {
    private final DeskFixture f = new DeskFixture();
    private final ChatTestHarness chat = ChatTestHarness.builder().alerts(f.desk).build()
            .user("alice", "sre").user("bob", "sre");
    private final String group = f.receive(
            f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p1", "severity", "critical"),
            f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p2", "severity", "critical"));

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void aGroupIsAckedSilencedUnsilencedAndEscalatedFromChat() {
        chat.as("alice").in("#ops").says("ack group " + group);
        chat.as("alice").in("#ops").says("silence group " + group + " for 2h deploy in progress");
        chat.as("bob").in("#ops").says("unsilence sil-1");
        chat.as("bob").in("#ops").says("escalate " + group);
        chat.as("alice").in("#ops").says("alerts mine");

        assertThat(chat.transcript("#ops")).containsSubsequence(
                "alice: ack group " + group,
                "bot: Acked group " + group + " (2 alerts) for alice; its message now says so.",
                "alice: silence group " + group + " for 2h deploy in progress",
                "bot: Silenced 2 alerts in group " + group + " until 12:00 UTC as sil-1. To lift it: unsilence sil-1"
                        + "\nmatchers: alertname=\"KubePodCrashLooping\" cluster=\"eu-1\" severity=\"critical\"",
                "bob: unsilence sil-1",
                "bot: Expired silence sil-1 (alertname=\"KubePodCrashLooping\" cluster=\"eu-1\" severity=\"critical\");"
                        + " the alerts it muted notify again.",
                "bob: escalate " + group,
                "bot: Escalated group " + group + " to PagerDuty (dedup key switchboard-group-" + group + ");"
                        + " escalating again updates the same incident, and ack group " + group
                        + " acknowledges it there too.",
                "alice: alerts mine");
        assertThat(chat.transcript("#ops").getLast()).startsWith("bot: You acked 2 alerts, 2 still firing:");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, FINISHED, RECEIVED,
                FINISHED, RECEIVED, FINISHED, RECEIVED, FINISHED, RECEIVED, FINISHED);
        assertThat(chat.audit()).filteredOn(e -> e.type() == FINISHED).extracting(AuditEvent::commandId)
                .containsExactly("ack", "silence", "unsilence", "escalate", "alerts");
        assertThat(f.audit).extracting(AuditEvent::type, AuditEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ALERT_ACKED, "alice"),
                org.assertj.core.groups.Tuple.tuple(SILENCED, "alice"),
                org.assertj.core.groups.Tuple.tuple(UNSILENCED, "bob"),
                org.assertj.core.groups.Tuple.tuple(ESCALATED, "bob"));
    }

    @Test
    void aGuestMayNotSilenceAndNothingReachesAlertmanager() {
        chat.as("mallory").in("#ops").says("silence group " + group + " for 7d");

        assertThat(chat.audit()).extracting(AuditEvent::type).contains(DENIED);
        assertThat(f.silences.created).isEmpty();
    }

    @Test
    void helpExplainsTheSilenceCommandWithAnExample() {
        chat.as("alice").says("help silence");

        assertThat(chat.transcript().getLast()).contains("silence group k3x9pa for 2h deploy in progress");
    }
}
