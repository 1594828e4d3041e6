package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import java.util.List;
import java.util.Optional;
import dev.switchboard.core.incident.InMemoryIncidentStore;
import org.junit.jupiter.api.Test;

/** A command run in an incident's channel still runs when its timeline cannot be written. */
class IncidentTimelineDownTranscriptTest {

    @Test
    void aCommandRunsAndAnswersEvenWhenTheTimelineCannotBeWritten() {
        InMemoryIncidentStore kept = new InMemoryIncidentStore();
        IncidentStore store = new IncidentStore() {
            @Override public Incident declare(NewIncident incident, TimelineEntry first) {
                return kept.declare(incident, first);
            }
            @Override public Optional<Incident> find(String id) { return kept.find(id); }
            @Override public List<Incident> open() { return kept.open(); }
            @Override public List<Incident> page(long afterNumber, int limit) {
                return kept.page(afterNumber, limit);
            }
            @Override public Optional<Incident> update(Incident changed, TimelineEntry entry) {
                return kept.update(changed, entry);
            }
            @Override public boolean append(String id, TimelineEntry entry) {
                throw new StorageException("the incident database is down");
            }
            @Override public List<TimelineEntry> timeline(String id) { return kept.timeline(id); }
        };
        try (ChatTestHarness chat = ChatTestHarness.builder().incidents(store, null)
                .command(command("status.web").template("status web").reply("web: all pods ready"))
                .build().user("alice")) {
            chat.as("alice").in("#ops").says("incident declare sev2 Checkout is failing");
            chat.as("alice").in("#ops").says("status web");

            assertThat(chat.transcript("#ops").getLast()).isEqualTo("bot: web: all pods ready");
            assertThat(store.timeline("INC-1")).hasSize(1);
        }
    }
}
