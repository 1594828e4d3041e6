package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.ALICE;
import static dev.switchboard.core.policy.rules.PolicyFixtures.BOB;
import static dev.switchboard.core.policy.rules.PolicyFixtures.CAROL;
import static dev.switchboard.core.policy.rules.PolicyFixtures.GUEST;
import static dev.switchboard.core.policy.rules.PolicyFixtures.invocation;
import static dev.switchboard.core.policy.rules.PolicyFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApproveRulesTest {
    private static final ConversationRef OPS = ConversationRef.of("web", "#ops");
    private static final String PROD_APPROVAL = "p:3:5 approve deploy.* when env == 'prod' by group:sre";

    /** DESIGN.md §3 with an approval for prod, announced in #approvals. */
    private final RulePolicy policy = ready(
            RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of("group:developers"), null),
            RuleSpec.allow("p:2:5", List.of("deploy.*", "status"), List.of("group:sre", "guests"), null),
            RuleSpec.approve("p:3:5", List.of("deploy.*"), List.of(), "env == 'prod'", List.of("group:sre"), null,
                    null, List.of("web:#approvals")));

    private Decision deploy(Principal who, String env) {
        return policy.decide(who, invocation("deploy.service", Map.of("service", "web", "env", env)), OPS);
    }

    @Test
    void prodDeployWaitsForOneSreWithinHalfAnHourAndIsAnnounced() {
        assertThat(deploy(ALICE, "prod")).isEqualTo(new Decision.RequireApproval(PROD_APPROVAL, List.of("group:sre"),
                1, Duration.ofMinutes(30), List.of("web:#approvals")));
    }

    @Test
    void stagingDeployRunsWithoutApproval() {
        assertThat(deploy(ALICE, "staging")).isEqualTo(Decision.allow("p:1:5 allow deploy.* to group:developers"));
    }

    @Test
    void anApprovalRuleWithoutToAlsoCatchesGuestsAnAllowRuleLetIn() {
        assertThat(deploy(GUEST, "prod")).isInstanceOf(Decision.RequireApproval.class);
    }

    @Test
    void aDeniedRequestIsNeverTurnedIntoAnApprovalRequest() {
        assertThat(deploy(CAROL, "prod")).isEqualTo(Decision.deny(
                "no policy rule lets carol run deploy.service here", "default deny"));
    }

    @Test
    void theFirstApproveRuleThatAppliesDecidesCountTtlAndApprovers() {
        RulePolicy twoStep = ready(
                RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null),
                RuleSpec.approve("p:2:5", List.of("deploy.*"), List.of("group:developers"), null,
                        List.of("group:sre", "user:root"), 2, Duration.ofMinutes(10), List.of()),
                RuleSpec.approve("p:3:5", List.of("deploy.*"), List.of(), null, List.of("everyone"), null, null,
                        List.of()));

        assertThat(twoStep.decide(ALICE, invocation("deploy.service"), OPS)).isEqualTo(new Decision.RequireApproval(
                "p:2:5 approve deploy.* to group:developers by group:sre, user:root", List.of("group:sre", "user:root"),
                2, Duration.ofMinutes(10), List.of()));
        assertThat(twoStep.decide(BOB, invocation("deploy.service"), OPS)).isEqualTo(new Decision.RequireApproval(
                "p:3:5 approve deploy.* by everyone", List.of("everyone"), 1, Duration.ofMinutes(30), List.of()));
    }

    @Test
    void theExplanationShowsTheApprovalRulesBeforeTheDecision() {
        Explanation why = policy.explain(ALICE, invocation("deploy.service", Map.of("env", "prod")), OPS);

        assertThat(why.steps()).containsExactly(
                "p:1:5 allow deploy.* to group:developers: allows",
                "p:3:5 approve deploy.* when env == 'prod' by group:sre: needs 1 approval(s) within 30m,"
                        + " when env == 'prod' is true (env is 'prod')",
                "needs 1 approval(s) from group:sre by " + PROD_APPROVAL);
    }

    @Test
    void theExplanationShowsAnApprovalRuleWhoseWhenDidNotHold() {
        Explanation why = policy.explain(ALICE, invocation("deploy.service", Map.of("env", "staging")), OPS);

        assertThat(why.steps()).containsSubsequence(
                "p:3:5 approve deploy.* when env == 'prod' by group:sre: skipped,"
                        + " when env == 'prod' is false (env is 'staging')",
                "allowed by p:1:5 allow deploy.* to group:developers");
    }

    @ParameterizedTest(name = "{0} may approve for {1}: {2}")
    @CsvSource({
            "bob,   group:sre,        true",
            "alice, group:sre,        false",
            "alice, user:alice,       true",
            "bob,   user:alice,       false",
            "carol, everyone,         true",
            "guest, everyone,         false",
            "guest, guests,           false",
            "alice, group:developers, true",
            "alice, nonsense,         false",
    })
    void mayApproveFollowsTheApproverEntriesAndNeverLetsGuestsApprove(String who, String approvers,
            boolean may) {
        Principal principal = switch (who) {
            case "alice" -> ALICE;
            case "bob" -> BOB;
            case "carol" -> CAROL;
            default -> GUEST;
        };
        assertThat(policy.mayApprove(principal, List.of(approvers))).isEqualTo(may);
    }

    @Test
    void aKnownUserMatchingAnyOfSeveralEntriesMayApprove() {
        Principal ops = new Principal("root", Set.of("ops"), true, true);

        assertThat(policy.mayApprove(ops, List.of("group:sre", "group:ops"))).isTrue();
        assertThat(policy.mayApprove(ops, List.of())).isFalse();
    }
}
