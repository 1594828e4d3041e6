package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.core.incident.InMemoryIncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mistakes in the incident commands that involve alerts and jobs: each is named, and nothing is changed. */
class IncidentBadInputTranscriptTest {
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .incidents(store, null)
            .alerts(new FakeAlertDesk().group("g7", "2 alerts firing", "CheckoutErrors", "CheckoutErrors"))
            .build().user("alice", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anUnknownGroupOrAlertDeclaresNothing() {
        chat.as("alice").in("#ops").says("incident declare sev2 \"Checkout\" from group g9");
        chat.as("alice").in("#ops").says("incident declare sev2 Checkout from alert nope");
        chat.as("alice").in("#ops").says("incident declare sev7 Checkout from group g7");

        assertThat(chat.transcript("#ops")).filteredOn(l -> l.startsWith("bot: ")).containsExactly(
                "bot: There is no alert group g9; no incident was declared. Type alerts to see the firing ones.",
                "bot: There is no alert with fingerprint nope; no incident was declared. Type alerts to see the"
                        + " firing ones.",
                "bot: Unknown severity sev7; expected sev1, sev2, sev3 or sev4, as in: incident declare sev2 checkout"
                        + " is down");
        assertThat(store.open()).isEmpty();
    }

    @Test
    void declaringFromAGroupWithoutATitleTakesTheGroupsTitle() {
        chat.as("alice").in("#ops").says("incident declare sev1 from group g7");

        assertThat(chat.transcript("#ops").getLast()).isEqualTo("bot: Declared INC-1 (sev1): 2 alerts firing."
                + " Commander: alice. Linked 2 alerts of group g7. Commands run here go on its timeline.");
    }

    @Test
    void unknownJobsAlertsAndGroupsAreNotLinked() {
        chat.as("alice").in("#ops").says("incident declare Checkout errors");
        chat.as("alice").in("#ops").says("incident link job 42");
        chat.as("alice").in("#ops").says("incident link alert zzz");
        chat.as("alice").in("#ops").says("incident link group g9");
        chat.as("alice").in("#ops").says("incident link runbook 7");
        chat.as("alice").in("#ops").says("incident link alert g7-2");

        assertThat(chat.transcript("#ops")).filteredOn(l -> l.startsWith("bot: ")).containsExactly(
                "bot: Declared INC-1 (sev3): Checkout errors. Commander: alice. Commands run here go on its timeline.",
                "bot: There is no job 42; nothing was linked. Type jobs to see the recent ones.",
                "bot: There is no alert with fingerprint zzz; nothing was linked. Type alerts to see the firing ones.",
                "bot: There is no alert group g9; nothing was linked. Type alerts to see the firing ones.",
                "bot: Expected incident link alert <fingerprint>, incident link group <id> or incident link job"
                        + " <number>, as in: incident link job 12",
                "bot: Linked alert g7-2 (1 alert) to INC-1.");
        assertThat(store.timeline("INC-1")).extracting(TimelineEntry::text).containsExactly(
                "declared sev3: Checkout errors (commander alice)",
                "linked alert g7-2 CheckoutErrors (firing): CheckoutErrors in eu-1");
    }

    @Test
    void withoutAnOpenIncidentHereTheBotAsksForAnId() {
        chat.as("alice").in("#ops").says("incident declare Checkout errors");
        chat.as("alice").in("#random").says("incident link job 1");
        chat.as("alice").in("#random").says("incident postmortem");

        assertThat(chat.transcript("#random")).filteredOn(l -> l.startsWith("bot: ")).containsExactly(
                "bot: There is no open incident declared here; name one, as in: incident link job 12",
                "bot: Name the incident, as in: incident postmortem INC-1");
    }

    @Test
    void withoutAlertsEnabledDeclaringFromAGroupSaysSo() {
        try (ChatTestHarness plain = ChatTestHarness.builder().incidents(new InMemoryIncidentStore(), null).build()
                .user("alice")) {
            plain.as("alice").in("#ops").says("incident declare sev2 Checkout from group g7");

            assertThat(plain.transcript("#ops").getLast()).isEqualTo("bot: Alerts are not enabled on this server,"
                    + " so there is no alert group g7 to declare from; no incident was declared. Declare it without"
                    + " \"from ...\", as in: incident declare sev2 checkout is down");
            assertThat(plain.incidents().open()).isEmpty();
        }
    }
}
