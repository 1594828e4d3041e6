package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of policy rule, written as in a policy file, and what people in the room see of each. */
class RuleKindsTranscriptTest {
    private static final Commands.Builder DEPLOY = command("deploy.service").template("deploy {service} to {env}")
            .enumArg("service", "web", "billing").enumArg("env", "staging", "prod").reply("deployed {service} to {env}");
    private static final Commands.Builder SCALE = command("scale.service").template("scale {service} to {replicas}")
            .enumArg("service", "web", "billing").intArg("replicas", 0, 20).reply("scaled {service} to {replicas}");

    private final ChatTestHarness chat = ChatTestHarness.builder()
            .policy(Rules.policy(Map.of("alice", Set.of("developers"), "bob", Set.of("sre"), "dave", Set.of("sre")),
                    List.of(DEPLOY, SCALE),
                    RuleSpec.allow("policy.yaml:2:5", List.of("deploy.*", "scale.*"), List.of(), null),
                    RuleSpec.restrict("policy.yaml:3:5", List.of("deploy.*"), List.of(), true),
                    RuleSpec.approve("policy.yaml:4:5", List.of("deploy.*"), List.of(), "env == 'prod'",
                            List.of("group:sre"), 1, Duration.ofMinutes(30), List.of("web:#approvals")),
                    RuleSpec.confirm("policy.yaml:5:5", List.of("scale.*"), List.of(), "replicas == '0'"),
                    RuleSpec.limit("policy.yaml:6:5", List.of("scale.*"), List.of(), null, "3/1h")))
            .command(DEPLOY)
            .command(SCALE)
            .build()
            .user("alice", "developers")
            .user("bob", "sre")
            .user("dave", "sre");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anApproveRuleParksAProdDeployUntilAnotherSreApproves() {
        Outcome asked = chat.as("bob").in("#deploys").says("deploy web to prod");
        String id = ((Outcome.PendingApproval) asked).approvalId();

        chat.as("dave").in("#approvals").clicks("Approve");

        assertThat(chat.transcript("#approvals").getFirst()).contains("bob asks to run deploy.service", id);
        assertThat(chat.transcript("#deploys")).last().isEqualTo("bot: deployed web to prod");
        assertThat(chat.audit().stream().filter(e -> e.commandId() != null && e.actor() != null
                && e.actor().equals("dave")).findFirst().orElseThrow().rule())
                .startsWith("policy.yaml:4:5 approve deploy.*");
    }

    @Test
    void aStagingDeployNeedsNoApproval() {
        chat.as("alice").says("deploy web to staging");

        assertThat(chat.transcript()).last().isEqualTo("bot: deployed web to staging");
    }

    @Test
    void anUnverifiedAccountIsAGuestEvenWhenListedUnderAUserAndAVerifiedRestrictSaysSoFirst() {
        chat.as("alice").unverified().says("deploy web to staging");
        chat.as("alice").unverified().says("scale web to 2");
        chat.as("alice").unverified().says("whoami");

        assertThat(chat.transcript().get(1)).startsWith("bot: Denied: deploy.service needs an account the platform"
                + " verifies");
        assertThat(chat.transcript().get(3)).startsWith("bot: Denied: web:alice is not verified by its platform, so it"
                + " has guest rights only");
        assertThat(chat.transcript().get(5)).startsWith("bot: Your platform does not vouch for web:alice");
    }

    @Test
    void aConfirmRuleAsksBeforeScalingToZeroAndALimitRuleCountsRuns() {
        Outcome asked = chat.as("alice").says("scale web to 0");
        chat.as("alice").says("yes " + ((Outcome.PendingConfirmation) asked).code());
        chat.as("alice").says("scale web to 2");
        chat.as("alice").says("scale web to 3");
        chat.as("alice").says("scale web to 4");

        assertThat(chat.transcript()).contains("bot: scaled web to 0", "bot: scaled web to 2", "bot: scaled web to 3");
        assertThat(chat.transcript()).last().asString()
                .startsWith("bot: Denied: you may run scale.service at most 3 times per 1h; try again in 1h");
    }

    @Test
    void helpMarksWhatMayNeedApproval() {
        chat.as("alice").says("help");

        assertThat(chat.transcript().get(1)).contains("deploy <service> to <env> (may need approval)")
                .doesNotContain("scale <service> to <replicas> (may need approval)");
    }
}
