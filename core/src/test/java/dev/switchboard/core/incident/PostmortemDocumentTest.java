package dev.switchboard.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.incident.TimelineEntry.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemDocumentTest {
    private static final Instant T0 = Instant.parse("2026-11-05T10:00:00Z");
    private static final Incident OPEN = new NewIncident("Search | slow", Incident.Severity.SEV3, "alice",
            ConversationRef.of("web", "#search"), T0).as(7);

    @Test
    void anOpenIncidentsImpactWindowIsStillOpenAndItHasNoSummaryYet() {
        String md = PostmortemDocument.render(OPEN, List.of(new TimelineEntry(T0, "alice", Kind.DECLARED, "declared")));

        assertThat(md).startsWith("# Postmortem INC-7: Search | slow\n\n## Summary\n\nNo summary was given.\n")
                .contains("From 2026-11-05 10:00:00Z (declared); still open.")
                .contains("## Commands run\n\n- None.\n")
                .contains("## Follow-ups\n\n- None recorded");
    }

    @Test
    void pipesAndLineBreaksInATimelineEntryStayInsideOneTableRow() {
        String md = PostmortemDocument.render(OPEN, List.of(new TimelineEntry(T0.plusSeconds(61), null, Kind.NOTE,
                "a | b\n  c")));

        assertThat(md).contains("| 2026-11-05 10:01:01Z | switchboard | note | a \\| b c |\n");
    }

    @Test
    void theSameIncidentAlwaysRendersTheSameDocument() {
        List<TimelineEntry> timeline = List.of(new TimelineEntry(T0, "bob", Kind.NOTE, "TODO: add a dashboard"),
                new TimelineEntry(T0, "carol", Kind.COMMAND, "status web → replied: ok"));

        assertThat(PostmortemDocument.render(OPEN, timeline)).isEqualTo(PostmortemDocument.render(OPEN, timeline))
                .contains("- [ ] add a dashboard (bob)", "- alice (commander)\n- bob\n- carol\n");
    }

    @Test
    void durationsShowHoursOnlyWhenThereAreAny() {
        assertThat(PostmortemDocument.duration(java.time.Duration.ofSeconds(59))).isEqualTo("0m 59s");
        assertThat(PostmortemDocument.duration(java.time.Duration.ofMinutes(135).plusSeconds(4)))
                .isEqualTo("2h 15m 04s");
    }

    @Test
    void theRoomIsNamedOnlyWhenTheIncidentHasOne() {
        Incident withRoom = OPEN.withRoom(ConversationRef.of("slack", "C07INC7"));

        assertThat(PostmortemDocument.render(withRoom, List.of())).contains(
                "| Declared in | web:#search |\n| Room | slack:C07INC7 |\n");
        assertThat(PostmortemDocument.render(OPEN, List.of())).doesNotContain("| Room |");
    }
}
