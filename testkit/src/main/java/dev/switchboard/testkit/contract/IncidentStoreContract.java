package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.Incident.Severity;
import dev.switchboard.api.incident.Incident.Status;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.incident.TimelineEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} must do. Subclasses return the store under test from {@link #store()}; it may be
 * shared with other tests (a database), so every test looks only at incidents it declared itself. Times are kept to
 * the millisecond, the precision every store keeps.
 */
public abstract class IncidentStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T15:31:32.125Z");

    /** The store under test; always the same store within a test. */
    protected abstract IncidentStore store();

    private static ConversationRef room() {
        return ConversationRef.of("web", "#inc-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Incident declare(String title, Instant at) {
        return store().declare(new NewIncident(title, Severity.SEV2, "alice", room(), at),
                new TimelineEntry(at, "alice", Kind.DECLARED, "declared sev2: " + title));
    }

    @Test
    void aDeclaredIncidentIsKeptWithEveryFieldAtRevisionOne() {
        ConversationRef where = room();
        Incident declared = store().declare(new NewIncident("Checkout is down", Severity.SEV1, "bob", where, T0),
                new TimelineEntry(T0, "alice", Kind.DECLARED, "declared"));

        assertThat(declared.id()).matches("INC-[1-9][0-9]*");
        assertThat(declared.revision()).isEqualTo(1);
        assertThat(declared.status()).isEqualTo(Status.DECLARED);
        assertThat(store().find(declared.id())).contains(declared);
        assertThat(store().find(declared.id().toLowerCase())).contains(declared);
        assertThat(declared).extracting(Incident::title, Incident::severity, Incident::commander,
                Incident::conversation, Incident::declaredAt, Incident::resolvedAt, Incident::summary)
                .containsExactly("Checkout is down", Severity.SEV1, "bob", where, T0, null, null);
    }

    @Test
    void everyIncidentGetsAFreshNumber() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(Incident.number(declare("n" + i, T0).id()).orElseThrow());
        }
        assertThat(numbers).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anUpdateReplacesTheIncidentAndAppendsToItsTimelineInOrder() {
        Incident incident = declare("Queue backlog", T0);
        Incident changed = store().update(incident.withStatus(Status.INVESTIGATING).withRole(Role.COMMS, "carol")
                .withSeverity(Severity.SEV1), new TimelineEntry(T0.plusSeconds(60), "bob", Kind.STATUS,
                "status investigating")).orElseThrow();
        store().append(incident.id(), new TimelineEntry(T0.plusSeconds(30), null, Kind.NOTE, "earlier time, later entry"));
        Instant resolvedAt = T0.plus(Duration.ofMinutes(45));
        Incident resolved = store().update(changed.resolved(resolvedAt, "drained"),
                new TimelineEntry(resolvedAt, "alice", Kind.RESOLVED, "resolved: drained")).orElseThrow();

        assertThat(changed.revision()).isEqualTo(2);
        assertThat(resolved.revision()).isEqualTo(3);
        assertThat(store().find(incident.id())).contains(resolved);
        assertThat(resolved.roles()).containsEntry(Role.COMMANDER, "alice").containsEntry(Role.COMMS, "carol");
        assertThat(resolved).extracting(Incident::status, Incident::severity, Incident::resolvedAt, Incident::summary)
                .containsExactly(Status.RESOLVED, Severity.SEV1, resolvedAt, "drained");
        assertThat(store().timeline(incident.id())).extracting(TimelineEntry::kind, TimelineEntry::who,
                TimelineEntry::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.DECLARED, "alice", "declared sev2: Queue backlog"),
                        org.assertj.core.groups.Tuple.tuple(Kind.STATUS, "bob", "status investigating"),
                        org.assertj.core.groups.Tuple.tuple(Kind.NOTE, null, "earlier time, later entry"),
                        org.assertj.core.groups.Tuple.tuple(Kind.RESOLVED, "alice", "resolved: drained"));
        assertThat(store().timeline(incident.id()).get(2).at()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aRoomGivenAfterDeclarationIsKeptThroughLaterChanges() {
        Incident incident = declare("Needs a room", T0);
        ConversationRef room = ConversationRef.of("slack", "C0INC" + Incident.number(incident.id()).orElseThrow());

        Incident withRoom = store().update(incident.withRoom(room), new TimelineEntry(T0, "alice", Kind.LINK,
                "room " + room)).orElseThrow();
        Incident later = store().update(withRoom.withStatus(Status.MONITORING).resolved(T0.plusSeconds(90), "ok"),
                new TimelineEntry(T0, "alice", Kind.RESOLVED, "resolved")).orElseThrow();

        assertThat(incident.room()).isNull();
        assertThat(store().find(incident.id()).orElseThrow().room()).isEqualTo(room);
        assertThat(later.room()).isEqualTo(room);
        assertThat(later.workedIn(room.inThread("1700000000.1"))).isTrue();
        assertThat(later.workedIn(incident.conversation())).isTrue();
        assertThat(later.workedIn(ConversationRef.of("slack", "C0OTHER"))).isFalse();
    }

    @Test
    void aChangeMadeFromAnOlderRevisionIsRefusedAndLeavesNoTrace() {
        Incident incident = declare("Stale edit", T0);
        store().update(incident.withStatus(Status.IDENTIFIED), new TimelineEntry(T0, "bob", Kind.STATUS, "identified"))
                .orElseThrow();

        Optional<Incident> stale = store().update(incident.withSeverity(Severity.SEV4),
                new TimelineEntry(T0, "carol", Kind.SEVERITY, "sev4"));

        assertThat(stale).isEmpty();
        assertThat(store().find(incident.id()).orElseThrow()).extracting(Incident::status, Incident::severity)
                .containsExactly(Status.IDENTIFIED, Severity.SEV2);
        assertThat(store().timeline(incident.id())).extracting(TimelineEntry::text).doesNotContain("sev4");
    }

    @Test
    void concurrentChangesFromOneRevisionLetExactlyOneWin() throws Exception {
        Incident incident = declare("Race", T0);
        List<Boolean> won = Concurrently.run(8, i -> () -> store().update(incident.withRole(Role.SCRIBE, "user" + i),
                new TimelineEntry(T0, "user" + i, Kind.ROLE, "scribe: user" + i)).isPresent());

        assertThat(won).containsOnlyOnce(true);
        assertThat(store().timeline(incident.id())).hasSize(2);
        assertThat(store().find(incident.id()).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void openListsUnresolvedIncidentsOldestFirst() {
        Incident later = declare("later", T0.plusSeconds(10));
        Incident earlier = declare("earlier", T0.minusSeconds(10));
        Incident closed = declare("closed", T0);
        store().update(closed.resolved(T0.plusSeconds(5), null), new TimelineEntry(T0, "alice", Kind.RESOLVED, "x"))
                .orElseThrow();

        List<String> open = store().open().stream().map(Incident::id).toList();

        assertThat(open).contains(earlier.id(), later.id()).doesNotContain(closed.id());
        assertThat(open.indexOf(earlier.id())).isLessThan(open.indexOf(later.id()));
    }

    @Test
    void pagingThroughEveryIncidentGivesEachOnceInNumberOrderOpenOrResolved() {
        List<Incident> declared = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Incident incident = declare("page " + i, T0.plusSeconds(120 - i));
            declared.add(i % 3 == 0 ? store().update(incident.resolved(T0.plusSeconds(200), "done " + i),
                    new TimelineEntry(T0, "alice", Kind.RESOLVED, "resolved")).orElseThrow() : incident);
        }
        long before = number(declared.getFirst()) - 1;

        List<Integer> sizes = new ArrayList<>();
        List<Incident> walked = new ArrayList<>();
        long after = before;
        for (int pages = 0; pages < 10; pages++) {
            List<Incident> page = store().page(after, 50);
            sizes.add(page.size());
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = number(page.getLast());
        }

        assertThat(sizes).startsWith(50, 50).endsWith(0).hasSizeLessThan(10);
        assertThat(walked.stream().map(IncidentStoreContract::number).toList()).doesNotHaveDuplicates().isSorted();
        assertThat(walked.stream().filter(declared::contains).toList()).containsExactlyElementsOf(declared);
        assertThat(walked).filteredOn(i -> i.status() == Status.RESOLVED).hasSizeGreaterThanOrEqualTo(40);
        assertThat(store().page(number(declared.getLast()), IncidentStore.MAX_PAGE)).isEmpty();
    }

    @Test
    void aPageStartsRightAfterTheNumberGivenAndHoldsAtMostTheLimit() {
        Incident first = declare("first", T0);
        Incident second = declare("second", T0.minusSeconds(60));
        Incident third = declare("third", T0);

        assertThat(store().page(number(first) - 1, 2)).containsExactly(first, second);
        assertThat(store().page(number(first), 1)).containsExactly(second);
        assertThat(store().page(number(second), IncidentStore.MAX_PAGE)).containsExactly(third);
        assertThat(store().page(0, 1)).hasSize(1).allSatisfy(lowest ->
                assertThat(number(lowest)).isLessThanOrEqualTo(number(first)));
    }

    @Test
    void aPageWithANegativeStartOrALimitOutsideOneToFiveHundredIsRefused() {
        for (int limit : List.of(0, -1, IncidentStore.MAX_PAGE + 1, Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> store().page(0, limit)).as("limit " + limit)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 500");
        }
        assertThatThrownBy(() -> store().page(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0");
        assertThat(store().page(Long.MAX_VALUE, IncidentStore.MAX_PAGE)).isEmpty();
    }

    private static long number(Incident incident) {
        return Incident.number(incident.id()).orElseThrow();
    }

    @Test
    void unknownAndMalformedIdsAreSimplyNotFound() {
        TimelineEntry entry = new TimelineEntry(T0, "alice", Kind.NOTE, "x");
        for (String id : List.of("INC-999999999", "INC-", "INC-x", "42", "", "INC--1", "INC-0")) {
            assertThat(store().find(id)).as(id).isEmpty();
            assertThat(store().append(id, entry)).as(id).isFalse();
            assertThat(store().timeline(id)).as(id).isEmpty();
        }
        Incident ghost = new NewIncident("ghost", Severity.SEV3, "alice", room(), T0).as(999_999_998L);
        assertThat(store().update(ghost, entry)).isEmpty();
    }

    @Test
    void textsKeepEveryCharacter() {
        String title = "Zahlungen schlagen fehl — 50% | \"quoted\" 'x' \n second line ✓";
        Incident incident = declare(title, T0);
        store().append(incident.id(), new TimelineEntry(T0, "alice", Kind.NOTE, title));

        assertThat(store().find(incident.id()).orElseThrow().title()).isEqualTo(title);
        assertThat(store().timeline(incident.id()).getLast().text()).isEqualTo(title);
    }
}
