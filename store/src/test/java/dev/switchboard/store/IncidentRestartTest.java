package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.testkit.ChatTestHarness;
import dev.switchboard.testkit.FakeChatAdapter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents worked from chat on an H2 file database: the incident and its timeline outlive the server. */
class IncidentRestartTest {
    private static final String PASSWORD = "h2-Incident-Pa55word";

    @TempDir
    Path dir;

    private StorageSettings settings() {
        return StorageSettings.of("jdbc:h2:file:" + dir.resolve("switchboard"), "sb", PASSWORD);
    }

    @Test
    void anIncidentDeclaredBeforeARestartIsResolvedAfterItWithItsWholeTimeline() {
        try (JdbcStorage before = JdbcStorage.open(settings());
                ChatTestHarness chat = ChatTestHarness.builder().incidents(before.incidents(), null).build()
                        .user("alice").user("bob")) {
            chat.as("alice").in("#ops").says("incident declare sev1 Payments are failing");
            chat.as("alice").in("#ops").says("incident role scribe @bob");
            chat.as("bob").in("#ops").says("incident status identified expired certificate");
        }

        try (JdbcStorage after = JdbcStorage.open(settings());
                ChatTestHarness chat = ChatTestHarness.builder().incidents(after.incidents(), null).build()
                        .user("alice").user("bob")) {
            chat.clock().advance(Duration.ofMinutes(20));
            chat.as("alice").in("#ops").says("incident resolve renewed the certificate");
            chat.as("bob").in("#ops").says("incident postmortem INC-1");

            assertThat(chat.transcript("#ops")).contains(
                    "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.");
            assertThat(chat.transcript("#ops").getLast()).contains("# Postmortem INC-1: Payments are failing",
                    "| Scribe | bob |", "status identified: expired certificate", "resolved: renewed the certificate",
                    "(declared) to").contains("20m 00s");
            assertThat(after.incidents().find("INC-1").orElseThrow()).extracting(Incident::status,
                    Incident::revision).containsExactly(Incident.Status.RESOLVED, 4);
            assertThat(after.incidents().timeline("INC-1")).extracting(TimelineEntry::who).containsExactly(
                    "alice", "alice", "bob", "alice");
            assertThat(after.incidents().open()).isEmpty();
        }
    }

    @Test
    void anIncidentsRoomOutlivesARestartAndStillCountsAsItsConversation() {
        String room = "#inc-1-queue-backlog";
        try (JdbcStorage before = JdbcStorage.open(settings());
                ChatTestHarness chat = ChatTestHarness.builder().incidents(before.incidents(), null)
                        .incidentRooms("inc-").adapter(new FakeChatAdapter().withRooms())
                        .build().user("alice")) {
            chat.as("alice").in("#ops").says("incident declare sev2 Queue backlog");
            chat.as("alice").in(room).says("incident status investigating");
        }

        try (JdbcStorage after = JdbcStorage.open(settings());
                ChatTestHarness chat = ChatTestHarness.builder().incidents(after.incidents(), null).build()
                        .user("alice")) {
            chat.as("alice").in(room).says("incident note consumers restarted");
            chat.as("alice").in(room).says("incident resolve drained");

            assertThat(chat.transcript(room)).containsExactly("alice: incident note consumers restarted",
                    "bot: Noted on INC-1.", "alice: incident resolve drained",
                    "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.");
            Incident incident = after.incidents().find("INC-1").orElseThrow();
            assertThat(incident.room()).isEqualTo(ConversationRef.of("web", room));
            assertThat(incident.conversation()).isEqualTo(ConversationRef.of("web", "#ops"));
            assertThat(after.incidents().timeline("INC-1")).extracting(e -> e.kind().wireName()).containsExactly(
                    "declared", "link", "status", "note", "resolved");
            assertThat(after.incidents().timeline("INC-1").get(1).text()).isEqualTo("room web:" + room + " ("
                    + room.substring(1) + ")");
        }
    }

    @Test
    void aClosedStorageRefusesWithoutRevealingThePassword() {
        JdbcStorage storage = JdbcStorage.open(settings());
        storage.close();

        assertThatThrownBy(() -> storage.incidents().find("INC-7")).isInstanceOf(StorageException.class)
                .hasMessageContaining("INC-7").hasMessageNotContaining(PASSWORD);
    }
}
