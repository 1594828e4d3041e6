package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.INCIDENT_DECLARED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.reply.Block;
import dev.switchboard.core.identity.User;
import dev.switchboard.core.incident.InMemoryIncidentStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An incident run the way an on-call team runs one: declared from an alert group's button with its alerts linked,
 * worked in its own room (people invited, commands and their job results on the timeline), resolved, and written
 * up as a Markdown file.
 */
class IncidentLifecycleTranscriptTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String ROOM = "#inc-1-checkout-is-failing";

    private final JobActions actions = new JobActions();
    private final FakeChatAdapter platform = new FakeChatAdapter().withRooms();
    private final FakeAlertDesk desk = new FakeAlertDesk().group("g7", "3 alerts firing in cluster eu-1",
            "CheckoutErrors", "CheckoutErrors", "PodCrashLooping");
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .adapter(platform)
            .incidents(store, "#incidents").incidentRooms("inc-").alerts(desk)
            .jobSettings(ChatTestHarness.quickAck()).actions(actions)
            .command(command("deploy.rollback").template("rollback {service}")
                    .action("gated", Map.of("output", List.of("rolling back {service}"))))
            .command(command("db.check").template("check db").action("failing", Map.of()))
            .build()
            .user("alice", "sre").user("bob", "sre")
            .user("carol", "support").user(new User("dave", List.of("slack:U0DAVE"), Set.of("sre")));

    @AfterEach
    void close() {
        actions.release();
        chat.close();
    }

    @Test
    void anIncidentDeclaredFromAnAlertGroupIsRunInItsRoomAndWrittenUpAsAFile() {
        chat.as("alice").in("#alerts").says("incident declare sev2 --commander @bob \"Checkout is failing\" from group g7");

        assertThat(chat.transcript("#alerts")).containsExactly(
                "alice: incident declare sev2 --commander @bob \"Checkout is failing\" from group g7",
                "bot: Declared INC-1 (sev2): Checkout is failing. Commander: bob. Linked 3 alerts of group g7."
                        + " Room: web:" + ROOM + "; commands run there or here go on its timeline.");
        assertThat(platform.createdRooms()).containsExactly(new FakeChatAdapter.CreatedRoom(
                ConversationRef.of("web", ROOM), "inc-1-checkout-is-failing", "INC-1: Checkout is failing",
                List.of("alice", "bob"), List.of()));
        assertThat(chat.transcript("#incidents")).containsExactly("bot: alice declared INC-1 (sev2): Checkout is"
                + " failing. Commander: bob. From group g7 (3 alerts). Follow it in web:" + ROOM + ".");
        assertThat(chat.transcript(ROOM)).containsExactly("bot: INC-1 (sev2): Checkout is failing. Commander: bob."
                + " Declared by alice in web:#alerts. Commands run here go on its timeline.");

        chat.clock().advance(Duration.ofMinutes(2));
        chat.as("bob").in(ROOM).says("incident role scribe @alice");
        chat.as("bob").in(ROOM).says("incident status investigating error rate at 40%");
        chat.as("alice").in(ROOM).says("rollback checkout");
        await().atMost(BOUND).until(() -> chat.jobs().find(1).orElseThrow().state() == JobState.RUNNING);
        chat.as("alice").in(ROOM).says("check db");
        chat.as("alice").in(ROOM).says("incident note follow-up: canary the checkout config");
        chat.as("bob").in(ROOM).says("incident sev 1");
        chat.as("bob").in(ROOM).says("incident link job 2");
        chat.clock().advance(Duration.ofMinutes(4));
        actions.release();
        await().atMost(BOUND).until(() -> store.timeline("INC-1").stream().anyMatch(e -> e.text().contains(
                "job 1 succeeded")));
        chat.clock().advance(Duration.ofMinutes(10));
        chat.as("bob").in(ROOM).says("incident resolve rolled back checkout to 1.4.1");

        assertThat(chat.transcript(ROOM)).containsSubsequence(
                "bob: incident role scribe @alice", "bot: alice is now scribe of INC-1.",
                "bob: incident status investigating error rate at 40%", "bot: INC-1 is now investigating.",
                "alice: incident note follow-up: canary the checkout config", "bot: Noted on INC-1.",
                "bob: incident sev 1", "bot: INC-1 is now sev1.",
                "bob: incident link job 2", "bot: Linked job 2 to INC-1.",
                "bob: incident resolve rolled back checkout to 1.4.1",
                "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.");
        Incident incident = store.find("INC-1").orElseThrow();
        assertThat(incident.room()).isEqualTo(ConversationRef.of("web", ROOM));
        assertThat(incident.conversation()).isEqualTo(ConversationRef.of("web", "#alerts"));
        assertThat(store.timeline("INC-1")).extracting(TimelineEntry::text).containsExactly(
                "declared sev2: Checkout is failing (commander bob)",
                "room web:" + ROOM + " (inc-1-checkout-is-failing)",
                "linked alert g7-1 CheckoutErrors (firing): CheckoutErrors in eu-1",
                "linked alert g7-2 CheckoutErrors (firing): CheckoutErrors in eu-1",
                "linked alert g7-3 PodCrashLooping (firing): PodCrashLooping in eu-1",
                "scribe: alice",
                "status investigating: error rate at 40%",
                "rollback checkout → job 1 started",
                "check db → job 2 failed (exit 3, after 0m 00s): ❌ check db failed: exited with code 3 connecting to db",
                "follow-up: canary the checkout config",
                "severity sev1",
                "linked job 2 (check db, failed)",
                "rollback checkout → job 1 succeeded (after 4m 00s)",
                "resolved: rolled back checkout to 1.4.1");

        Outcome outcome = chat.as("carol").in("#support").says("incident postmortem INC-1");

        String answer = chat.transcript("#support").getLast();
        assertThat(answer).startsWith("bot: Postmortem of INC-1 (sev1, resolved after 16m 00s, 14 timeline entries,"
                + " 3 commands run):\nINC-1-postmortem.md:\n# Postmortem INC-1: Checkout is failing\n");
        Block.File file = ((Outcome.Replied) outcome).reply().blocks().stream()
                .filter(b -> b instanceof Block.File).map(Block.File.class::cast).findFirst().orElseThrow();
        assertThat(file.name()).isEqualTo("INC-1-postmortem.md");
        assertThat(file.mediaType()).isEqualTo("text/markdown");
        assertThat(file.content()).contains("| Room | web:" + ROOM + " |", "| Commander | bob |",
                "- [ ] canary the checkout config (alice)",
                "alice: rollback checkout → job 1 started",
                "10:06:00Z alice: rollback checkout → job 1 succeeded (after 4m 00s)");
        AuditEvent declared = chat.audit().stream().filter(e -> e.type() == INCIDENT_DECLARED).findFirst()
                .orElseThrow();
        assertThat(declared.detail()).containsEntry("from", "group g7").containsEntry("commander", "bob");
    }

    @Test
    void aJobCancelledInTheRoomIsOnTheTimelineAsCancelled() {
        chat.as("alice").in("#ops").says("incident declare Search is slow");
        chat.as("alice").in("#inc-1-search-is-slow").says("rollback search");
        await().atMost(BOUND).until(() -> chat.jobs().find(1).orElseThrow().state() == JobState.RUNNING);
        chat.as("alice").in("#inc-1-search-is-slow").says("cancel 1");

        await().atMost(BOUND).until(() -> store.timeline("INC-1").stream().anyMatch(e -> e.text().contains(
                "job 1 cancelled")));
        assertThat(store.timeline("INC-1").getLast().text()).isEqualTo(
                "rollback search → job 1 cancelled (after 0m 00s): cancelled by alice");
        assertThat(store.timeline("INC-1").getLast().who()).isEqualTo("alice");
    }

    @Test
    void aNoteWithoutAnIdInTheRoomGoesToItsIncident() {
        chat.as("alice").in("#ops").says("incident declare sev1 Payments down");
        chat.as("bob").in("#inc-1-payments-down").says("incident note card processor returns 503");

        assertThat(chat.transcript("#inc-1-payments-down")).endsWith("bot: Noted on INC-1.");
        assertThat(store.timeline("INC-1").getLast().text()).isEqualTo("card processor returns 503");
    }

    @Test
    void whoHasNoAccountOnTheRoomsPlatformIsNamedAsNotInvited() {
        chat.as("alice").in("#ops").says("incident declare --commander @dave Login errors");

        assertThat(platform.createdRooms().getFirst().invited()).containsExactly("alice");
        assertThat(chat.transcript("#ops").getLast()).isEqualTo("bot: Declared INC-1 (sev3): Login errors."
                + " Commander: dave. Room: web:#inc-1-login-errors; commands run there or here go on its timeline."
                + " Not invited: dave (no web account).");
    }

    @Test
    void aRefusedRoomStillDeclaresTheIncidentAndSaysWhy() {
        platform.failRooms(new RoomCreator.Result.Refused("name_taken"));

        chat.as("alice").in("#ops").says("incident declare sev2 Checkout is failing");
        chat.as("alice").in("#ops").says("incident note still works here");

        assertThat(chat.transcript("#ops")).containsExactly(
                "alice: incident declare sev2 Checkout is failing",
                "bot: Declared INC-1 (sev2): Checkout is failing. Commander: alice. The incident room could not be"
                        + " created (web refused: name_taken); commands run here go on its timeline.",
                "alice: incident note still works here",
                "bot: Noted on INC-1.");
        assertThat(store.find("INC-1").orElseThrow().room()).isNull();
        assertThat(chat.transcript("#incidents").getFirst()).endsWith("Follow it in web:#ops.");
    }

    @Test
    void anUnreachablePlatformStillDeclaresTheIncident() {
        platform.failRooms(new RoomCreator.Result.Unavailable("slack answered 503"));

        chat.as("alice").in("#ops").says("incident declare Queue backlog");

        assertThat(chat.transcript("#ops").getLast()).contains("Declared INC-1",
                "The incident room could not be created (web is unavailable: slack answered 503)");
        assertThat(store.open()).hasSize(1);
    }
}
