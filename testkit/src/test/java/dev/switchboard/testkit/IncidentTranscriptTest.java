package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.INCIDENT_DECLARED;
import static dev.switchboard.api.audit.AuditEventType.INCIDENT_RESOLVED;
import static dev.switchboard.api.audit.AuditEventType.INCIDENT_UPDATED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.core.incident.InMemoryIncidentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole incident lifecycle from chat: declare, roles, status, notes, a command run in the incident's channel
 * landing on the timeline, resolve, and the postmortem (pinned by a golden file in {@code src/test/resources/golden};
 * regenerate with {@code -Dgolden.update=true} and review the diff).
 */
class IncidentTranscriptTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .incidents(store, "#incidents")
            .secrets(java.util.Set.of("hunter2"))
            .command(command("status.web").template("status web").help("Show the web tier's health")
                    .reply("web: 3 of 5 pods ready"))
            .build()
            .user("alice", "sre").user("bob", "sre").user("carol", "support");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anIncidentIsWorkedFromDeclarationToPostmortem() throws IOException {
        chat.as("alice").in("#ops").says("incident declare sev2 Checkout is failing");
        chat.clock().advance(Duration.ofMinutes(2));
        chat.as("alice").in("#ops").says("incident role comms @carol");
        chat.as("alice").in("#ops").says("incident status investigating looking at the web tier");
        chat.clock().advance(Duration.ofMinutes(3));
        chat.as("bob").in("#ops").says("status web");
        chat.as("bob").in("#ops").says("incident note web pods crash on the new config");
        chat.as("alice").in("#ops").says("incident sev 1");
        chat.as("bob").in("#ops").says("incident link job 1");
        chat.clock().advance(Duration.ofMinutes(10));
        chat.as("bob").in("#ops").says("incident status monitoring config rolled back");
        chat.as("carol").in("#ops").says("incident note follow-up: alert on pod readiness below 80%");
        chat.clock().advance(Duration.ofMinutes(30));
        chat.as("alice").in("#ops").says("incident resolve Rolled back the checkout config");

        assertThat(chat.transcript("#ops")).containsSubsequence(
                "alice: incident declare sev2 Checkout is failing",
                "bot: Declared INC-1 (sev2): Checkout is failing. Commander: alice. Commands run here go on its"
                        + " timeline.",
                "alice: incident role comms @carol",
                "bot: carol is now comms of INC-1.",
                "alice: incident status investigating looking at the web tier",
                "bot: INC-1 is now investigating.",
                "bob: incident note web pods crash on the new config",
                "bot: Noted on INC-1.",
                "alice: incident sev 1",
                "bot: INC-1 is now sev1.",
                "bob: incident link job 1",
                "bot: Linked job 1 to INC-1.",
                "alice: incident resolve Rolled back the checkout config",
                "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.");
        assertThat(chat.transcript("#incidents")).containsExactly(
                "bot: alice declared INC-1 (sev2): Checkout is failing. Commander: alice. Follow it in web:#ops.",
                "bot: alice resolved INC-1 (Checkout is failing): Rolled back the checkout config");
        assertThat(store.timeline("INC-1")).extracting(TimelineEntry::who, e -> e.kind().wireName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "declared"),
                        org.assertj.core.groups.Tuple.tuple("alice", "role"),
                        org.assertj.core.groups.Tuple.tuple("alice", "status"),
                        org.assertj.core.groups.Tuple.tuple("bob", "command"),
                        org.assertj.core.groups.Tuple.tuple("bob", "note"),
                        org.assertj.core.groups.Tuple.tuple("alice", "severity"),
                        org.assertj.core.groups.Tuple.tuple("bob", "link"),
                        org.assertj.core.groups.Tuple.tuple("bob", "status"),
                        org.assertj.core.groups.Tuple.tuple("carol", "note"),
                        org.assertj.core.groups.Tuple.tuple("alice", "resolved"));
        assertThat(chat.audit()).extracting(AuditEvent::type).filteredOn(t -> t.name().startsWith("INCIDENT"))
                .containsExactly(INCIDENT_DECLARED, INCIDENT_UPDATED, INCIDENT_UPDATED, INCIDENT_UPDATED,
                        INCIDENT_UPDATED, INCIDENT_UPDATED, INCIDENT_UPDATED, INCIDENT_UPDATED, INCIDENT_RESOLVED);
        AuditEvent resolved = chat.audit().stream().filter(e -> e.type() == INCIDENT_RESOLVED).findFirst()
                .orElseThrow();
        assertThat(resolved.detail()).containsEntry("incident", "INC-1").containsEntry("status", "resolved")
                .containsEntry("summary", "Rolled back the checkout config");
        assertThat(resolved.actor()).isEqualTo("alice");

        chat.as("bob").in("#elsewhere").says("incident postmortem INC-1");

        String answer = chat.transcript("#elsewhere").getLast();
        String header = "bot: Postmortem of INC-1 (sev1, resolved after 45m 00s, 10 timeline entries, 1 command run):"
                + "\nINC-1-postmortem.md:\n";
        assertThat(answer).startsWith(header);
        assertGolden("incident-postmortem.md", answer.substring(header.length()));
    }

    @Test
    void incidentsListsOnlyTheOpenOnes() {
        chat.as("alice").in("#ops").says("incident declare sev1 Payments down");
        chat.as("bob").in("#db").says("incident declare Replica lag");
        chat.as("bob").in("#db").says("incident resolve");
        chat.as("carol").in("#support").says("incident declare sev4 --commander @bob Slow search");

        chat.as("carol").says("incidents");

        String answer = chat.transcript("#general").getLast();
        assertThat(answer).contains("INC-1", "sev1", "Payments down", "web:#ops", "INC-3", "sev4", "bob",
                "Slow search").doesNotContain("INC-2", "Replica lag");
        assertThat(answer.indexOf("INC-1")).isLessThan(answer.indexOf("INC-3"));
    }

    @Test
    void noOpenIncidentsIsSaidPlainly() {
        chat.as("alice").says("incidents");

        assertThat(chat.transcript()).containsExactly("alice: incidents", "bot: No incidents are open.");
    }

    @Test
    void badInputIsAnsweredWithWhatWasExpected() {
        chat.as("alice").in("#ops").says("incident declare sev9 Checkout is failing");
        chat.as("alice").in("#ops").says("incident note nothing is declared here yet");
        chat.as("alice").in("#ops").says("incident declare sev2 Checkout is failing");
        chat.as("alice").in("#ops").says("incident status fixed");
        chat.as("alice").in("#ops").says("incident role boss @bob");
        chat.as("alice").in("#ops").says("incident sev 5");
        chat.as("alice").in("#ops").says("incident note INC-42 wrong one");
        chat.as("alice").in("#ops").says("incident resolve");
        chat.as("alice").in("#ops").says("incident resolve INC-1 again");
        chat.as("alice").in("#ops").says("incident postmortem nope");

        assertThat(chat.transcript("#ops")).filteredOn(l -> l.startsWith("bot: ")).containsExactly(
                "bot: Unknown severity sev9; expected sev1, sev2, sev3 or sev4, as in: incident declare sev2"
                        + " checkout is down",
                "bot: There is no open incident declared here; name one, as in: incident note INC-3 rolled back the"
                        + " config",
                "bot: Declared INC-1 (sev2): Checkout is failing. Commander: alice. Commands run here go on its"
                        + " timeline.",
                "bot: Unknown status fixed; expected investigating, identified or monitoring (resolve with incident"
                        + " resolve), as in: incident status identified bad config push",
                "bot: Expected incident role <commander|comms|scribe> @user, as in: incident role comms @bob",
                "bot: Unknown severity 5; expected sev1, sev2, sev3 or sev4, as in: incident sev sev1",
                "bot: There is no incident INC-42. Type incidents to see the open ones.",
                "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.",
                "bot: INC-1 is already resolved (at 2026-11-05 10:00:00Z); nothing changed.",
                "bot: nope is not an incident id; expected incident postmortem INC-<number>");
        assertThat(store.find("INC-1").orElseThrow().status()).isEqualTo(Incident.Status.RESOLVED);
        assertThat(store.timeline("INC-1")).extracting(e -> e.kind().wireName()).containsExactly("declared",
                "resolved");
    }

    @Test
    void twoOpenIncidentsInOneChannelNeedAnExplicitId() {
        chat.as("alice").in("#ops").says("incident declare Checkout errors");
        chat.as("alice").in("#ops").says("incident declare Search errors");
        chat.as("alice").in("#ops").says("incident note which one?");
        chat.as("alice").in("#ops").says("incident note inc-2 search only");
        chat.as("bob").in("#ops").says("status web");

        assertThat(chat.transcript("#ops")).contains(
                "bot: Several incidents are open here (INC-1, INC-2); name one, as in: incident note INC-3 rolled"
                        + " back the config",
                "bot: Noted on INC-2.");
        assertThat(store.timeline("INC-2")).extracting(TimelineEntry::text).containsExactly(
                "declared sev3: Search errors (commander alice)", "search only");
        assertThat(store.timeline("INC-1")).hasSize(1);
    }

    @Test
    void incidentsSurviveARestartOverTheSameStore() {
        chat.as("alice").in("#ops").says("incident declare sev2 Checkout is failing");
        chat.close();

        try (ChatTestHarness again = ChatTestHarness.builder().incidents(store, null).build().user("alice")) {
            again.as("alice").in("#ops").says("incident note still here after the restart");
            again.as("alice").in("#ops").says("incident resolve");

            assertThat(again.transcript("#ops")).containsExactly(
                    "alice: incident note still here after the restart", "bot: Noted on INC-1.",
                    "alice: incident resolve", "bot: Resolved INC-1. Type incident postmortem INC-1 for the write-up.");
        }
    }

    @Test
    void secretsInIncidentTextsAreMasked() {
        chat.as("alice").in("#ops").says("incident declare sev2 login fails with password hunter2");
        chat.as("alice").in("#ops").says("incident note tried token hunter2 again");

        assertThat(chat.transcript()).noneMatch(l -> l.startsWith("bot:") && l.contains("hunter2"));
        assertThat(store.timeline("INC-1")).extracting(TimelineEntry::text).noneMatch(t -> t.contains("hunter2"));
        assertThat(store.find("INC-1").orElseThrow().title()).isEqualTo("login fails with password ***");
    }

    @Test
    void incidentCommandsNeedAnAllowRuleLikeAnyOtherCommand() {
        try (ChatTestHarness strict = ChatTestHarness.builder().incidents(new InMemoryIncidentStore(), null)
                .policy(Rules.policy(java.util.Map.of("alice", java.util.Set.of("sre"), "carol",
                        java.util.Set.of("support")), List.of(),
                        dev.switchboard.core.policy.rules.RuleSpec.allow("policy.yaml:2:5", List.of("incident.*"),
                                List.of("group:sre"), null),
                        dev.switchboard.core.policy.rules.RuleSpec.allow("policy.yaml:3:5", List.of("incidents"),
                                List.of("group:support"), null)))
                .build().user("alice", "sre").user("carol", "support")) {
            strict.as("carol").in("#ops").says("incident declare sev1 everything is on fire");
            strict.as("alice").in("#ops").says("incident declare sev1 everything is on fire");
            strict.as("carol").in("#ops").says("incidents");

            List<String> bot = strict.transcript("#ops").stream().filter(l -> l.startsWith("bot: ")).toList();
            assertThat(bot.get(0)).isEqualTo("bot: Denied: no policy rule lets carol run incident.declare here (ref 000001)");
            assertThat(bot.get(1)).startsWith("bot: Declared INC-1 (sev1)");
            assertThat(bot.get(2)).contains("INC-1", "everything is on fire");
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
