package dev.switchboard.core.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulePolicyProblemsTest {

    private static List<RuleProblem> problems(RuleSpec... rules) {
        RulePolicy.Built built = PolicyFixtures.build(rules);
        assertThat(built).isInstanceOf(RulePolicy.Built.Rejected.class);
        return ((RulePolicy.Built.Rejected) built).problems();
    }

    private static RuleProblem only(RuleSpec rule) {
        List<RuleProblem> found = problems(rule);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aBadWhenIsReportedWithItsColumn() {
        assertThat(only(RuleSpec.allow("p.yaml:3:5", List.of("deploy.*"), List.of(), "env == prod")))
                .isEqualTo(new RuleProblem("p.yaml:3:5",
                        "when: column 8: expected a quoted string after ==, found 'prod' (values are quoted: 'prod')"));
    }

    @Test
    void aToEntryOfAnUnknownFormSaysWhichFormsExist() {
        assertThat(only(RuleSpec.allow("p:1:1", List.of("status"), List.of("developers"), null)).message())
                .isEqualTo("to: 'developers' is not one of group:<name>, user:<id>, guests or everyone");
        assertThat(only(RuleSpec.allow("p:1:1", List.of("status"), List.of("group:"), null)).message())
                .isEqualTo("to: 'group:' is not one of group:<name>, user:<id>, guests or everyone");
    }

    @Test
    void anUnknownGroupOrUserIsNamedWithAGuess() {
        assertThat(only(RuleSpec.allow("p:1:1", List.of("status"), List.of("group:developer"), null)).message())
                .isEqualTo("to: unknown group 'developer'; did you mean 'developers'?");
        assertThat(only(RuleSpec.allow("p:1:1", List.of("status"), List.of("user:alcie"), null)).message())
                .isEqualTo("to: unknown user 'alcie'; did you mean 'alice'?");
        assertThat(only(RuleSpec.allow("p:1:1", List.of("status"), List.of("group:finance"), null)).message())
                .isEqualTo("to: unknown group 'finance'; known groups are developers, ops, sre");
    }

    @Test
    void anUnknownGroupWhenNoneAreConfiguredSaysSo() {
        RulePolicy.Built built = RulePolicy.build(
                List.of(RuleSpec.allow("p:1:1", List.of("status"), List.of("group:sre"), null)),
                KnownNames.of(Map.of("alice", Set.of()), PolicyFixtures.COMMANDS));

        assertThat(built).isEqualTo(new RulePolicy.Built.Rejected(
                List.of(new RuleProblem("p:1:1", "to: unknown group 'sre'; no groups are configured"))));
    }

    @Test
    void anEmptyCommandListIsRefused() {
        assertThat(only(RuleSpec.allow("p:1:1", List.of(), List.of(), null)).message())
                .isEqualTo("allow: needs at least one command pattern, like deploy.service, deploy.* or *");
    }

    @Test
    void commandPatternsMustBeDottedLowerCaseIds() {
        for (String bad : List.of("Deploy", "deploy.", "deploy*", "*.service", "deploy..x", "deploy service", "")) {
            assertThat(only(RuleSpec.allow("p:1:1", List.of(bad), List.of(), null)).message()).as(bad)
                    .isEqualTo("allow: '" + bad + "' is not a command pattern; expected a dotted lower-case id"
                            + " like deploy.service, optionally ending in .*, or *");
        }
    }

    @Test
    void aRestrictWithoutChannelsIsRefused() {
        assertThat(only(RuleSpec.restrict("p:1:1", List.of("deploy.*"), List.of())).message())
                .isEqualTo("restrict: needs channels, the conversations where these commands may run,"
                        + " like slack:#deploys or web:*, or verified: true");
    }

    @Test
    void channelPatternsMustBePlatformColonConversation() {
        for (String bad : List.of("#deploys", "slack:", ":#deploys", "slack:#de*ploys", "slack:#a b", "*")) {
            assertThat(only(RuleSpec.restrict("p:1:1", List.of("deploy.*"), List.of(bad))).message()).as(bad)
                    .isEqualTo("channels: '" + bad + "' is not platform:conversation; expected something like"
                            + " slack:#deploys, or web:* for every conversation on a platform");
        }
    }

    @Test
    void anAllowRuleHiddenByAnEarlierIdenticalOneNamesTheEarlierRule() {
        assertThat(problems(
                RuleSpec.allow("p:1:1", List.of("deploy.*", "status"), List.of("group:sre"), null),
                RuleSpec.allow("p:2:1", List.of("status", "deploy.*"), List.of("group:sre"), "env == 'prod'")))
                .containsExactly(new RuleProblem("p:2:1", "this allow rule can never match: p:1:1 already allows"
                        + " the same commands to the same people with no when"));
    }

    @Test
    void anEarlierRuleWithAWhenOrOtherPeopleDoesNotHideALaterOne() {
        assertThat(RulePolicy.build(List.of(
                RuleSpec.allow("p:1:1", List.of("deploy.*"), List.of("group:sre"), "env != 'prod'"),
                RuleSpec.allow("p:2:1", List.of("deploy.*"), List.of("group:sre"), null),
                RuleSpec.allow("p:3:1", List.of("deploy.*"), List.of("group:developers"), null)), PolicyFixtures.KNOWN))
                .isInstanceOf(RulePolicy.Built.Ready.class);
    }

    @Test
    void noToAndToEveryoneAreTheSamePeopleForHiding() {
        assertThat(problems(
                RuleSpec.allow("p:1:1", List.of("status"), List.of(), null),
                RuleSpec.allow("p:2:1", List.of("status"), List.of("everyone"), null)))
                .extracting(RuleProblem::source).containsExactly("p:2:1");
    }

    @Test
    void fieldsThatDoNotBelongToTheRuleKindAreRefusedRatherThanIgnored() {
        assertThat(only(new RuleSpec(RuleSpec.Kind.ALLOW, List.of("status"), List.of(), null,
                List.of("web:*"), "p:1:1")).message())
                .isEqualTo("channels: only restrict rules take channels; add a restrict rule for these commands");
        assertThat(only(new RuleSpec(RuleSpec.Kind.RESTRICT, List.of("status"), List.of("group:sre"), null,
                List.of("web:*"), "p:1:1")).message())
                .isEqualTo("restrict: takes no to or when; it applies to everyone, so write allow rules for who");
    }

    @Test
    void everyProblemOfEveryRuleIsReportedInOrder() {
        assertThat(problems(
                RuleSpec.allow("p:1:1", List.of("Deploy"), List.of("group:nope", "user:nobody"), "env =="),
                RuleSpec.allow("p:2:1", List.of("status"), List.of(), null),
                RuleSpec.restrict("p:3:1", List.of(), List.of())))
                .extracting(RuleProblem::toString).hasSize(6).satisfiesExactly(
                        p -> assertThat(p).startsWith("p:1:1: allow: 'Deploy'"),
                        p -> assertThat(p).startsWith("p:1:1: to: unknown group 'nope'"),
                        p -> assertThat(p).startsWith("p:1:1: to: unknown user 'nobody'"),
                        p -> assertThat(p).startsWith("p:1:1: when: column "),
                        p -> assertThat(p).startsWith("p:3:1: restrict: needs at least one command pattern"),
                        p -> assertThat(p).startsWith("p:3:1: restrict: needs channels"));
    }
}
