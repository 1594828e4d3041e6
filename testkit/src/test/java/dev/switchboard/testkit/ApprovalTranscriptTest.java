package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.APPROVAL_REQUESTED;
import static dev.switchboard.api.audit.AuditEventType.APPROVED;
import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.EXPIRED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.REJECTED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.audit.InMemoryAuditStore;
import dev.switchboard.core.identity.User;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two-person approvals as the people in the room experience them: alice asks, an sre decides. */
class ApprovalTranscriptTest {
    private final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    private ChatTestHarness chat = room(ChatTestHarness.builder().policy(new TrustPolicy()).auditStore(auditStore));

    static ChatTestHarness room(HarnessBuilder builder) {
        return builder.command(command("deploy.service").template("deploy {service} {version=latest} to {env}")
                        .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                        .reply("deployed {service} {version} to {env}"))
                .build()
                .user("alice", "developers")
                .user("bob", "sre")
                .user("dave", "sre")
                .user("carol", "developers");
    }

    @AfterEach
    void close() {
        chat.close();
    }

    private String asksForProdDeploy() {
        Outcome outcome = chat.as("alice").in("#deploys").says("deploy web to prod");
        assertThat(outcome).isInstanceOf(Outcome.PendingApproval.class);
        return ((Outcome.PendingApproval) outcome).approvalId();
    }

    @Test
    void aProdDeployWaitsForAnSreAndThenRunsForTheRequesterInHerChannel() {
        String id = asksForProdDeploy();

        assertThat(chat.transcript("#deploys").get(1)).startsWith("bot: alice asks to run deploy.service "
                + "service=web version=latest env=prod #").contains("It needs 1 approval from group:sre before 10:30 UTC");
        assertThat(chat.transcript("#approvals")).singleElement().asString().contains("approve " + id);

        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web latest to prod");
        assertThat(chat.transcript("#approvals")).last().asString()
                .startsWith("bot: Approved " + id + ": deploy.service service=web version=latest env=prod #")
                .endsWith("now runs for alice in web:#deploys.");
        List<AuditEvent> trail = chat.audit();
        assertThat(trail).extracting(AuditEvent::type)
                .containsExactly(RECEIVED, APPROVAL_REQUESTED, RECEIVED, APPROVED, STARTED, FINISHED, FINISHED);
        String requested = trail.get(1).correlationId();
        assertThat(trail.get(3).actor()).isEqualTo("bob");
        assertThat(trail.get(3).rule()).isEqualTo(TrustPolicy.APPROVE);
        assertThat(trail.get(4).actor()).as("the job runs as the requester, under her request's id").isEqualTo("alice");
        assertThat(trail.get(4).correlationId()).isEqualTo(requested);
    }

    @Test
    void nobodyMayApproveTheirOwnRequest() {
        Outcome asked = chat.as("bob").in("#deploys").says("deploy web to prod");
        String id = ((Outcome.PendingApproval) asked).approvalId();

        chat.as("bob").in("#deploys").says("approve " + id);

        assertThat(chat.transcript("#deploys")).last().asString()
                .startsWith("bot: Denied: you cannot approve your own request; someone else from group:sre has to");
        assertThat(chat.audit().getLast().type()).isEqualTo(DENIED);
        assertThat(chat.transcript("#deploys")).noneMatch(line -> line.contains("deployed"));
    }

    @Test
    void anApproverWhoLeftTheGroupAfterTheRequestIsRefused() {
        String id = asksForProdDeploy();
        chat.user(new User("bob", List.of("web:bob"), Set.of("developers")));

        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#approvals")).last().asString()
                .startsWith("bot: Denied: you are not one of the approvers of " + id + " (group:sre)");
        chat.as("dave").in("#approvals").says("approve " + id);
        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web latest to prod");
    }

    @Test
    void aClickOnApproveBySomeoneNotEligibleIsRefusedLikeTypingIt() {
        asksForProdDeploy();

        chat.as("carol").in("#approvals").clicks("Approve");

        assertThat(chat.transcript("#approvals")).last().asString()
                .startsWith("bot: Denied: you are not one of the approvers");
        assertThat(chat.audit().getLast().actor()).isEqualTo("carol");
        assertThat(chat.audit().getLast().type()).isEqualTo(DENIED);
    }

    @Test
    void anExpiredApprovalCannotBeUsedAndTheRequesterIsTold() {
        String id = asksForProdDeploy();
        chat.clock().advance(Duration.ofMinutes(31));

        assertThat(chat.expirePending()).isEqualTo(1);
        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#deploys")).last().asString().startsWith("bot: Approval request " + id
                + " for deploy.service service=web version=latest env=prod #").endsWith("expired; nothing ran. Ask again"
                + " if it is still needed.");
        assertThat(chat.transcript("#approvals")).last().asString()
                .startsWith("bot: Approval request " + id + " expired at 10:30 UTC; nothing ran.");
        assertThat(chat.audit()).extracting(AuditEvent::type).contains(EXPIRED).doesNotContain(APPROVED, STARTED);
    }

    @Test
    void anApprovalUsedLateIsExpiredOnTheSpotEvenBeforeTheSweeperRan() {
        String id = asksForProdDeploy();
        chat.clock().advance(Duration.ofMinutes(30));

        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#approvals")).last().asString().contains("expired at 10:30 UTC");
        assertThat(chat.transcript("#deploys")).noneMatch(line -> line.contains("deployed"));
    }

    @Test
    void theArgumentsCannotChangeBetweenRequestAndExecution() {
        String id = asksForProdDeploy();
        // A reload changes what "latest" means: the same text would now deploy something else.
        chat.command(command("deploy.service").template("deploy {service} {version=1.2.3} to {env}")
                .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                .reply("deployed {service} {version} to {env}"));

        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#deploys")).last().asString().startsWith("bot: Request " + id)
                .contains("did not run: the arguments would no longer be the ones requested");
        assertThat(chat.transcript("#deploys")).noneMatch(line -> line.contains("deployed"));
        assertThat(chat.audit()).extracting(AuditEvent::type).contains(REJECTED).doesNotContain(STARTED);
    }

    @Test
    void aRequesterWhoLostTheRightMeanwhileIsNotRunFor() {
        String id = asksForProdDeploy();
        // alice is no longer a known user: she resolves to a guest now
        chat.user(new User("alice", List.of("web:alice-old"), Set.of()));

        chat.as("bob").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#approvals")).last().asString()
                .contains("alice may no longer run this (you are not a known user), so request " + id
                        + " was cancelled");
        assertThat(chat.transcript("#deploys")).noneMatch(line -> line.contains("deployed"));
    }

    @Test
    void twoApprovalsFromTwoDifferentPeopleAreNeededWhenTheRuleSaysTwo() {
        chat.close();
        chat = room(ChatTestHarness.builder().policy(new TrustPolicy(2, false)));
        String id = asksForProdDeploy();

        chat.as("bob").in("#approvals").says("approve " + id);
        chat.as("bob").in("#approvals").says("approve " + id);
        assertThat(chat.transcript("#approvals")).last().asString().startsWith("bot: You already approved " + id);
        assertThat(chat.transcript("#deploys")).last().asString().contains("bob approved " + id)
                .endsWith("1 approval still needed.");

        chat.as("dave").in("#approvals").says("approve " + id);
        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web latest to prod");
    }

    @Test
    void aDeniedRequestTellsTheRequesterWhyAndCanNoLongerBeApproved() {
        String id = asksForProdDeploy();

        chat.as("bob").in("#approvals").says("deny " + id + " not during the freeze");
        chat.as("dave").in("#approvals").says("approve " + id);

        assertThat(chat.transcript("#deploys")).last().asString().startsWith("bot: bob denied alice's request " + id)
                .endsWith(": not during the freeze");
        assertThat(chat.transcript("#approvals")).last().isEqualTo("bot: Approval request " + id
                + " was denied; nothing ran.");
        AuditEvent rejected = chat.audit().stream().filter(e -> e.type() == REJECTED).findFirst().orElseThrow();
        assertThat(rejected.actor()).isEqualTo("bob");
        assertThat(rejected.detail()).containsEntry("reason", "not during the freeze");
    }

    @Test
    void approvalsListsWhatWaitsForMeAndWhatIAskedFor() {
        String id = asksForProdDeploy();

        chat.as("bob").says("approvals");
        chat.as("alice").says("approvals");
        chat.as("carol").says("approvals");

        List<String> general = chat.transcript("#general");
        assertThat(general.get(1)).startsWith("bot: Waiting for your approval:").contains(id, "alice", "0/1 from group:sre");
        assertThat(general.get(3)).startsWith("bot: Your requests waiting for approval:").contains(id);
        assertThat(general.get(5)).isEqualTo("bot: Nothing waits for your approval, and you have no requests waiting.");
    }

    @Test
    void aPendingApprovalSurvivesARestartAndRunsWhenApprovedAfterIt() {
        String id = asksForProdDeploy();
        chat.crash();
        ChatTestHarness restarted = room(ChatTestHarness.builder().policy(new TrustPolicy())
                .pending(chat.pending()).adapter(chat.adapter()).auditStore(auditStore));
        try {
            restarted.as("bob").in("#approvals").says("approve " + id);

            assertThat(restarted.transcript("#deploys")).last().isEqualTo("bot: deployed web latest to prod");
        } finally {
            restarted.close();
        }
    }
}
