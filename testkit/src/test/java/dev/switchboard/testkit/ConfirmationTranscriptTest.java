package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.BREAK_GLASS;
import static dev.switchboard.api.audit.AuditEventType.CONFIRMATION_REQUESTED;
import static dev.switchboard.api.audit.AuditEventType.CONFIRMED;
import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.approval.ApprovalSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Confirmations, break-glass and rate limits, as the people in the room experience them. */
class ConfirmationTranscriptTest {
    private ChatTestHarness chat = room(new TrustPolicy());

    private static ChatTestHarness room(TrustPolicy policy) {
        return ChatTestHarness.builder().policy(policy)
                .approvals(new ApprovalSettings(Duration.ofMinutes(2), Set.of("oncall-leads"),
                        List.of(ConversationRef.of("web", "#incidents"))))
                .command(command("scale.service").template("scale {service} to {replicas}")
                        .enumArg("service", "web", "billing").intArg("replicas", 0, 20)
                        .reply("scaled {service} to {replicas}"))
                .command(command("deploy.service").template("deploy {service} to {env}")
                        .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                        .reply("deployed {service} to {env}"))
                .command(command("echo").template("echo {text...}").reply("{text}"))
                .build()
                .user("alice", "developers")
                .user("bob", "sre")
                .user("erin", "sre", "oncall-leads");
    }

    @AfterEach
    void close() {
        chat.close();
    }

    private String code(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.PendingConfirmation.class);
        return ((Outcome.PendingConfirmation) outcome).code();
    }

    @Test
    void scalingToZeroRestatesWhatWillRunAndRunsOnlyAfterYes() {
        String code = code(chat.as("alice").says("scale web to 0"));

        assertThat(chat.transcript().get(1)).startsWith("bot: This will run scale.service service=web replicas=0 #")
                .contains("To go ahead, type yes " + code + " before 10:02 UTC; to call it off, type no " + code + ".");
        chat.as("alice").says("yes " + code);

        assertThat(chat.transcript()).last().isEqualTo("bot: scaled web to 0");
        assertThat(chat.audit()).extracting(AuditEvent::type)
                .containsExactly(RECEIVED, CONFIRMATION_REQUESTED, RECEIVED, CONFIRMED, STARTED, FINISHED);
        assertThat(chat.audit().get(3).rule()).isEqualTo(TrustPolicy.CONFIRM);
    }

    @Test
    void theYesButtonWorksOnlyForTheRequester() {
        code(chat.as("alice").says("scale web to 0"));

        chat.as("bob").clicks("Yes, run it");
        assertThat(chat.transcript()).last().asString()
                .startsWith("bot: Denied: only alice can confirm what they asked for");

        chat.as("alice").clicks("Yes, run it");
        assertThat(chat.transcript()).last().isEqualTo("bot: scaled web to 0");
    }

    @Test
    void anExpiredConfirmationRunsNothing() {
        String code = code(chat.as("alice").says("scale web to 0"));
        chat.clock().advance(Duration.ofMinutes(3));

        chat.as("alice").says("yes " + code);

        assertThat(chat.transcript()).contains("bot: Confirmation code " + code + " expired at 10:02 UTC; nothing ran."
                + " Ask again.");
        assertThat(chat.transcript()).noneMatch(line -> line.startsWith("bot: scaled"));
    }

    @Test
    void noCallsItOffAndTheCodeCannotBeUsedAfterwards() {
        String code = code(chat.as("alice").says("scale web to 0"));

        chat.as("alice").says("no " + code);
        chat.as("alice").says("yes " + code);

        assertThat(chat.transcript()).contains("bot: Called off: scale.service service=web replicas=0 #"
                + chat.audit().get(1).detail().get("hash") + " will not run.");
        assertThat(chat.transcript()).last().isEqualTo("bot: Confirmation code " + code + " was called off; nothing ran.");
    }

    @Test
    void aConfirmedProdDeployStillNeedsItsApproval() {
        chat.close();
        chat = room(new TrustPolicy(1, true));
        String code = code(chat.as("alice").in("#deploys").says("deploy web to prod"));

        chat.as("alice").in("#deploys").says("yes " + code);
        assertThat(chat.transcript("#deploys")).last().asString().startsWith("bot: alice asks to run deploy.service");
        String id = chat.pending().pending().getFirst().id();

        chat.as("bob").in("#approvals").says("approve " + id);
        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web to prod");
    }

    @Test
    void breakGlassSkipsTheApprovalForOncallLeadsAuditedBeforeItRunsAndAnnounced() {
        chat.as("erin").in("#deploys").says("deploy web to prod --break-glass \"checkout is down\"");

        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web to prod");
        assertThat(chat.transcript("#incidents")).singleElement().asString()
                .startsWith("bot: 🔨 Break-glass: erin ran deploy.service").endsWith("Reason: checkout is down");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, BREAK_GLASS, STARTED, FINISHED);
        assertThat(chat.audit().get(1).detail()).containsEntry("reason", "checkout is down");
    }

    @Test
    void breakGlassIsRefusedToOthersAndWithoutAReason() {
        chat.as("bob").in("#deploys").says("deploy web to prod --break-glass \"in a hurry\"");
        chat.as("erin").in("#deploys").says("deploy web to prod --break-glass");

        assertThat(chat.transcript("#deploys").get(1)).startsWith("bot: Denied: only members of oncall-leads may break"
                + " glass; ask for approval instead");
        assertThat(chat.transcript("#deploys").get(3)).startsWith("bot: Denied: break-glass needs a reason");
        assertThat(chat.audit()).extracting(AuditEvent::type).doesNotContain(BREAK_GLASS, STARTED);
        assertThat(chat.transcript("#incidents")).isEmpty();
    }

    @Test
    void aRateLimitSaysWhenToTryAgainAndLiftsWhenTheWindowPasses() {
        chat.as("alice").says("echo one");
        chat.clock().advance(Duration.ofMinutes(1));
        chat.as("alice").says("echo two");
        chat.as("alice").says("echo three");
        chat.as("bob").says("echo bob is counted separately");

        assertThat(chat.transcript().get(5)).isEqualTo("bot: Denied: you may run echo at most 2 times per 10m; try "
                + "again in 9m (ref 000003)");
        assertThat(chat.transcript()).last().isEqualTo("bot: bob is counted separately");
        assertThat(chat.audit().stream().filter(e -> e.type() == DENIED).findFirst().orElseThrow().rule())
                .isEqualTo(TrustPolicy.LIMIT);

        chat.clock().advance(Duration.ofMinutes(9));
        chat.as("alice").says("echo four");
        assertThat(chat.transcript()).last().isEqualTo("bot: four");
    }
}
