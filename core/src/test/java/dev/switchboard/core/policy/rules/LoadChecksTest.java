package dev.switchboard.core.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load-time checks of the rule kinds beyond allow, and of rules against each other and the known commands. */
class LoadChecksTest {
    private static final RuleSpec ALLOW_DEPLOY = RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null);

    private static List<String> problems(RuleSpec... rules) {
        RulePolicy.Built built = PolicyFixtures.build(rules);
        assertThat(built).isInstanceOf(RulePolicy.Built.Rejected.class);
        return ((RulePolicy.Built.Rejected) built).problems().stream().map(RuleProblem::toString).toList();
    }

    private static RuleSpec approve(List<String> to, List<String> by, Integer count) {
        return RuleSpec.approve("p:2:5", List.of("deploy.*"), to, null, by, count, null, List.of());
    }

    @Test
    void anApproverGroupOrUserNobodyConfiguredIsNamedWithAGuess() {
        assertThat(problems(ALLOW_DEPLOY, approve(List.of(), List.of("group:sres", "user:bbo"), null)))
                .containsExactly("p:2:5: by: unknown group 'sres'; did you mean 'sre'?",
                        "p:2:5: by: unknown user 'bbo'; did you mean 'bob'?");
    }

    @Test
    void guestsCannotApproveAndByIsRequired() {
        assertThat(problems(ALLOW_DEPLOY, approve(List.of(), List.of("guests"), null)))
                .containsExactly("p:2:5: by: guests cannot approve; name groups or users, like group:sre");
        assertThat(problems(ALLOW_DEPLOY, approve(List.of(), List.of(), null)))
                .containsExactly("p:2:5: by: approve rules need by, who may approve, like group:sre or user:bob");
    }

    @Test
    void aCountMoreThanTheEligibleUsersCouldNeverBeApproved() {
        assertThat(problems(ALLOW_DEPLOY, approve(List.of(), List.of("group:sre"), 3))).containsExactly(
                "p:2:5: count: 3 approvals are needed but only 2 configured users can approve under group:sre"
                        + " (bob, erin), so it could never be approved; lower count or add approvers");
    }

    @Test
    void aCountThatLeavesAnEligibleRequesterTooFewOthersIsRefused() {
        assertThat(problems(ALLOW_DEPLOY, approve(List.of(), List.of("group:sre"), 2))).containsExactly(
                "p:2:5: count: 2 approvals are needed but when bob asks only 1 other configured user can approve"
                        + " under group:sre (nobody approves their own request), so their requests could never be"
                        + " approved; lower count, add approvers, or narrow the rule's to");
    }

    @Test
    void aCountReachableByOthersThanTheRequestersPasses() {
        assertThat(PolicyFixtures.build(ALLOW_DEPLOY, approve(List.of("group:developers"), List.of("group:sre"), 2)))
                .isInstanceOf(RulePolicy.Built.Ready.class);
    }

    @Test
    void restrictRulesWhoseChannelsNeverMeetForACommandContradictEachOther() {
        assertThat(problems(ALLOW_DEPLOY,
                RuleSpec.restrict("p:2:5", List.of("deploy.*"), List.of("slack:#deploys")),
                RuleSpec.restrict("p:3:5", List.of("deploy.service"), List.of("web:*"))))
                .containsExactly("p:3:5: restrict: contradicts p:2:5: deploy.service may only run in slack:#deploys"
                        + " there and only in web:* here, so it could run nowhere; list every channel in one"
                        + " restrict rule");
    }

    @Test
    void restrictRulesWhoseChannelsOverlapOrCoverOtherCommandsAreFine() {
        assertThat(PolicyFixtures.build(ALLOW_DEPLOY,
                RuleSpec.restrict("p:2:5", List.of("deploy.*"), List.of("web:*")),
                RuleSpec.restrict("p:3:5", List.of("deploy.service"), List.of("web:#Deploys")),
                RuleSpec.restrict("p:4:5", List.of("status"), List.of("slack:#status")),
                RuleSpec.restrict("p:5:5", List.of("deploy.*"), List.of(), true)))
                .isInstanceOf(RulePolicy.Built.Ready.class);
    }

    @Test
    void approveConfirmAndLimitRulesNoAllowRuleCoversCanNeverApply() {
        assertThat(problems(ALLOW_DEPLOY,
                RuleSpec.approve("p:2:5", List.of("db.*"), List.of(), null, List.of("group:sre"), null, null,
                        List.of()),
                RuleSpec.confirm("p:3:5", List.of("status"), List.of(), null),
                RuleSpec.limit("p:4:5", List.of("help"), List.of(), null, "1/1m")))
                .containsExactly(
                        "p:2:5: approve: no allow rule covers db.*, so this rule can never apply; allow those"
                                + " commands first",
                        "p:3:5: confirm: no allow rule covers status, so this rule can never apply; allow those"
                                + " commands first",
                        "p:4:5: limit: no allow rule covers help, so this rule can never apply; allow those"
                                + " commands first");
    }

    @Test
    void aPatternMatchingNoKnownCommandIsATypoWithAGuess() {
        assertThat(problems(RuleSpec.allow("p:1:5", List.of("deploy.servce", "backup.*"), List.of(), null)))
                .containsExactly("p:1:5: allow: 'deploy.servce' matches no known command; did you mean"
                        + " 'deploy.service'?", "p:1:5: allow: 'backup.*' matches no known command");
    }

    @Test
    void aWhenNameThatIsNoArgumentOfTheCoveredCommandsIsATypoWithAGuess() {
        assertThat(problems(RuleSpec.allow("p:1:5", List.of("deploy.service"), List.of(), "evn == 'prod'")))
                .containsExactly("p:1:5: when: 'evn' is neither an argument of deploy.service nor one of user,"
                        + " channel, platform, command, so it is never set; did you mean 'env'?");
        assertThat(problems(ALLOW_DEPLOY, RuleSpec.confirm("p:2:5", List.of("status"), List.of(), "env == 'prod'"),
                RuleSpec.allow("p:3:5", List.of("status"), List.of(), null)))
                .containsExactly("p:2:5: when: 'env' is neither an argument of status nor one of user, channel,"
                        + " platform, command, so it is never set");
    }

    @Test
    void whenMayReadContextNamesAndArgumentsFromTemplatesOrDeclarations() {
        assertThat(PolicyFixtures.build(
                RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), "version == 'latest' || db == 'main'"),
                RuleSpec.allow("p:2:5", List.of("db.login"), List.of(), "password != '' && channel == 'web:#ops'")))
                .isInstanceOf(RulePolicy.Built.Ready.class);
    }

    @Test
    void badRatesSayWhatARateLooksLike() {
        for (String bad : List.of("5 per 10m", "5/", "/10m", "5/10 minutes", "five/1h")) {
            assertThat(problems(ALLOW_DEPLOY, RuleSpec.limit("p:2:5", List.of("deploy.*"), List.of(), null, bad)))
                    .as(bad).containsExactly("p:2:5: rate: '" + bad + "' is not N/duration; expected a count and a"
                            + " period like 5/10m, 30/1h or 1/30s (units ms, s, m, h, d)");
        }
        assertThat(problems(ALLOW_DEPLOY, RuleSpec.limit("p:2:5", List.of("deploy.*"), List.of(), null, "0/1m")))
                .containsExactly("p:2:5: rate: '0/1m' allows nothing; expected at least 1 run in a period longer than"
                        + " zero, like 5/10m");
        assertThat(problems(ALLOW_DEPLOY, RuleSpec.limit("p:2:5", List.of("deploy.*"), List.of(), null, null)))
                .containsExactly("p:2:5: rate: limit rules need a rate, like 5/10m (at most 5 runs in 10 minutes"
                        + " per user)");
    }

    @Test
    void announceNamesOneConversationEach() {
        assertThat(problems(ALLOW_DEPLOY, RuleSpec.approve("p:2:5", List.of("deploy.*"), List.of(), null,
                List.of("group:sre"), null, Duration.ZERO, List.of("#approvals", "web:*"))))
                .containsExactly("p:2:5: ttl: a request must wait some time for approval; expected a duration like"
                                + " 30m",
                        "p:2:5: announce: '#approvals' is not platform:conversation; expected one conversation like"
                                + " web:#approvals or slack:#deploys",
                        "p:2:5: announce: 'web:*' is not platform:conversation; expected one conversation like"
                                + " web:#approvals or slack:#deploys");
    }

    @Test
    void settingsOfOtherKindsAreRefusedRatherThanIgnored() {
        assertThat(problems(new RuleSpec(RuleSpec.Kind.ALLOW, List.of("status"), List.of(), null, List.of(), true,
                List.of("group:sre"), 2, null, List.of(), "5/1m", "p:1:5"))).containsExactly(
                "p:1:5: verified: only restrict rules take verified; add a restrict rule for these commands",
                "p:1:5: by, count, ttl and announce: only approve rules take them",
                "p:1:5: rate: only limit rules take a rate");
    }

    @Test
    void noRulesAtAllIsAValidPolicyThatDeniesAllButTheBuiltIns() {
        RulePolicy none = PolicyFixtures.ready();

        assertThat(none.decide(PolicyFixtures.ALICE, PolicyFixtures.invocation("status"),
                dev.switchboard.api.chat.ConversationRef.of("web", "#ops")).rule()).isEqualTo("default deny");
        assertThat(none.decide(PolicyFixtures.ALICE, PolicyFixtures.invocation("explain"),
                dev.switchboard.api.chat.ConversationRef.of("web", "#ops")).rule()).isEqualTo(RulePolicy.EXPLAIN_RULE);
        assertThat(RulePolicy.build(List.of(), KnownNames.of(Map.of("a", Set.of()), List.of())))
                .isInstanceOf(RulePolicy.Built.Ready.class);
    }
}
