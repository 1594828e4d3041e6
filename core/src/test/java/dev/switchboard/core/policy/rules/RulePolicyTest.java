package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.ALICE;
import static dev.switchboard.core.policy.rules.PolicyFixtures.BOB;
import static dev.switchboard.core.policy.rules.PolicyFixtures.CAROL;
import static dev.switchboard.core.policy.rules.PolicyFixtures.GUEST;
import static dev.switchboard.core.policy.rules.PolicyFixtures.invocation;
import static dev.switchboard.core.policy.rules.PolicyFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulePolicyTest {
    private static final ConversationRef DEPLOYS = ConversationRef.of("slack", "#deploys");
    private static final ConversationRef GENERAL = ConversationRef.of("slack", "#general");
    private static final ConversationRef WEB = ConversationRef.of("web", "#ops");

    /** The policy from DESIGN.md §3. */
    private final RulePolicy design = ready(
            RuleSpec.allow("policy.yaml:2:5", List.of("help", "whoami", "status.*"), List.of(), null),
            RuleSpec.allow("policy.yaml:3:5", List.of("deploy.*"), List.of("group:developers"), "env != 'prod'"),
            RuleSpec.allow("policy.yaml:4:5", List.of("deploy.*"), List.of("group:sre"), null),
            RuleSpec.restrict("policy.yaml:5:5", List.of("deploy.*"), List.of("slack:#deploys", "web:*")));

    private Decision deploy(Principal who, String env, ConversationRef where) {
        return design.decide(who, invocation("deploy.service", Map.of("service", "web", "env", env)), where);
    }

    @Test
    void developersDeployToStagingButNotProd() {
        assertThat(deploy(ALICE, "staging", DEPLOYS)).isEqualTo(Decision.allow(
                "policy.yaml:3:5 allow deploy.* to group:developers when env != 'prod'"));
        assertThat(deploy(ALICE, "prod", DEPLOYS)).isEqualTo(Decision.deny(
                "no policy rule lets alice run deploy.service here", "default deny"));
    }

    @Test
    void sreDeploysToProd() {
        assertThat(deploy(BOB, "prod", WEB)).isEqualTo(Decision.allow("policy.yaml:4:5 allow deploy.* to group:sre"));
    }

    @Test
    void deploysOutsideTheDeployChannelsAreDeniedEvenForSre() {
        assertThat(deploy(BOB, "prod", GENERAL)).isEqualTo(Decision.deny(
                "deploy.service may only run in slack:#deploys, web:*",
                "policy.yaml:5:5 restrict deploy.* to slack:#deploys, web:*"));
    }

    @Test
    void channelPatternsIgnoreCase() {
        assertThat(deploy(BOB, "prod", ConversationRef.of("Slack", "#Deploys"))).isInstanceOf(Decision.Allow.class);
        assertThat(deploy(BOB, "prod", ConversationRef.of("WEB", "dm:bob"))).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void knownUsersOutsideTheGroupsMayOnlyReadStatus() {
        assertThat(design.decide(CAROL, invocation("status.jobs"), GENERAL))
                .isEqualTo(Decision.allow("policy.yaml:2:5 allow help, whoami, status.*"));
        assertThat(deploy(CAROL, "staging", DEPLOYS)).isEqualTo(Decision.deny(
                "no policy rule lets carol run deploy.service here", "default deny"));
    }

    @Test
    void guestsMayOnlyRunHelpAndWhoamiAndAreToldWhatToAskFor() {
        assertThat(design.decide(GUEST, invocation("help"), GENERAL))
                .isEqualTo(Decision.allow(RulePolicy.BUILT_IN_RULE));
        assertThat(design.decide(GUEST, invocation("whoami"), GENERAL)).isInstanceOf(Decision.Allow.class);
        assertThat(design.decide(GUEST, invocation("status.jobs"), GENERAL)).isEqualTo(Decision.deny(
                "you are not a known user; ask an admin to add web:mallory to users", "default deny"));
    }

    @Test
    void helpAndWhoamiStayAllowedEvenWhenNoRuleMentionsThemOrARestrictCoversEverything() {
        RulePolicy locked = ready(RuleSpec.restrict("p:1:1", List.of("*"), List.of("slack:#nowhere")));

        assertThat(locked.decide(GUEST, invocation("help"), GENERAL))
                .isEqualTo(Decision.allow(RulePolicy.BUILT_IN_RULE));
        assertThat(locked.decide(ALICE, invocation("whoami"), GENERAL)).isInstanceOf(Decision.Allow.class);
        assertThat(locked.decide(ALICE, invocation("status"), GENERAL)).isInstanceOf(Decision.Deny.class);
    }

    @ParameterizedTest(name = "{0} lets alice: {1}, bob: {2}, carol: {3}, guest: {4}")
    @CsvSource({
            "everyone,          true,  true,  true,  false",
            "guests,            false, false, false, true",
            "group:developers,  true,  false, false, false",
            "user:bob,          false, true,  false, false",
    })
    void eachToFormIncludesExactlyItsPeople(String to, boolean alice, boolean bob, boolean carol, boolean guest) {
        RulePolicy policy = ready(RuleSpec.allow("p:1:1", List.of("status"), List.of(to), null));

        assertThat(List.of(ALICE, BOB, CAROL, GUEST).stream()
                .map(p -> policy.decide(p, invocation("status"), WEB) instanceof Decision.Allow).toList())
                .containsExactly(alice, bob, carol, guest);
    }

    @Test
    void aRuleWithoutToIsForEveryKnownUserButNotGuests() {
        RulePolicy policy = ready(RuleSpec.allow("p:1:1", List.of("status"), List.of(), null));

        assertThat(policy.decide(CAROL, invocation("status"), WEB)).isEqualTo(Decision.allow("p:1:1 allow status"));
        assertThat(policy.decide(GUEST, invocation("status"), WEB)).isInstanceOf(Decision.Deny.class);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "*,              deploy.service, true",
            "deploy.*,       deploy.service, true",
            "deploy.*,       deploy.db.migrate, true",
            "deploy.*,       deploy, false",
            "deploy.*,       deployer.run, false",
            "deploy.service, deploy.service, true",
            "deploy.service, deploy.services, false",
    })
    void commandPatternsCoverIdsOrSubtrees(String pattern, String command, boolean covered) {
        RulePolicy policy = ready(RuleSpec.allow("p:1:1", List.of(pattern), List.of(), null));

        assertThat(policy.decide(ALICE, invocation(command), WEB) instanceof Decision.Allow).isEqualTo(covered);
    }

    @Test
    void firstMatchingAllowRuleNamesTheDecision() {
        RulePolicy policy = ready(
                RuleSpec.allow("p:1:1", List.of("deploy.*"), List.of("group:sre"), null),
                RuleSpec.allow("p:2:1", List.of("*"), List.of("everyone"), null));

        assertThat(policy.decide(BOB, invocation("deploy.service"), WEB).rule())
                .isEqualTo("p:1:1 allow deploy.* to group:sre");
        assertThat(policy.decide(ALICE, invocation("deploy.service"), WEB).rule()).isEqualTo("p:2:1 allow *");
    }

    @Test
    void whenSeesTheContextNamesAndTheContextCannotBeOverriddenByArguments() {
        RulePolicy policy = ready(RuleSpec.allow("p:1:1", List.of("db.*"), List.of(),
                "user == 'root' && channel == 'web:#ops' && platform == 'web' && command == 'db.drop'"));

        Principal root = new Principal("root", Set.of(), true, true);
        assertThat(policy.decide(root, invocation("db.drop"), WEB)).isInstanceOf(Decision.Allow.class);
        assertThat(policy.decide(ALICE, invocation("db.drop", Map.of("user", "root")), WEB))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(root, invocation("db.drop"), GENERAL)).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void explanationWalksEveryRuleAndEndsWithTheDecision() {
        Explanation why = design.explain(ALICE, invocation("deploy.service", Map.of("env", "prod")), DEPLOYS);

        assertThat(why.steps()).containsExactly(
                "policy.yaml:5:5 restrict deploy.* to slack:#deploys, web:*:"
                        + " passed, slack:#deploys is one of its channels",
                "policy.yaml:2:5 allow help, whoami, status.*: skipped, it does not cover deploy.service",
                "policy.yaml:3:5 allow deploy.* to group:developers when env != 'prod':"
                        + " skipped, when env != 'prod' is false (env is 'prod')",
                "policy.yaml:4:5 allow deploy.* to group:sre: skipped, alice is not in group sre",
                "denied by default deny: no policy rule lets alice run deploy.service here");
        assertThat(why.decision()).isEqualTo(deploy(ALICE, "prod", DEPLOYS));
    }

    @Test
    void explanationOfARestrictDenialStopsAtThatRule() {
        Explanation why = design.explain(BOB, invocation("deploy.service"), GENERAL);

        assertThat(why.steps()).containsExactly(
                "policy.yaml:5:5 restrict deploy.* to slack:#deploys, web:*:"
                        + " denies, slack:#general is not one of its channels",
                "denied by policy.yaml:5:5 restrict deploy.* to slack:#deploys, web:*:"
                        + " deploy.service may only run in slack:#deploys, web:*");
    }

    @Test
    void explanationOfAnAllowNamesTheWhenThatHeld() {
        Explanation why = design.explain(ALICE, invocation("deploy.service", Map.of("env", "staging")), WEB);

        assertThat(why.steps()).contains(
                "policy.yaml:3:5 allow deploy.* to group:developers when env != 'prod': allows,"
                        + " when env != 'prod' is true (env is 'staging')");
        assertThat(why.steps().getLast())
                .isEqualTo("allowed by policy.yaml:3:5 allow deploy.* to group:developers when env != 'prod'");
    }

    @Test
    void helpListsOnlyCommandsTheCallerCouldRun() {
        assertThat(design.visible(ALICE, "deploy.service")).isTrue();
        assertThat(design.visible(BOB, "deploy.service")).isTrue();
        assertThat(design.visible(CAROL, "deploy.service")).isFalse();
        assertThat(design.visible(CAROL, "status.jobs")).isTrue();
        assertThat(design.visible(GUEST, "status.jobs")).isFalse();
        assertThat(design.visible(GUEST, "help")).isTrue();
        assertThat(design.visible(GUEST, "whoami")).isTrue();
    }

    @Test
    void explanationsNeverShowASecretArgumentAWhenRead() {
        RulePolicy policy = ready(RuleSpec.allow("p:1:1", List.of("db.login"), List.of(), "password == 'hunter2'"));
        CommandSpec login = new CommandSpec("db.login", List.of("login {password}"),
                Map.of("password", new ArgSpec("password", new ArgType.Text(50), true, "")), "", List.of(), null,
                null, null, new ActionSpec("shell", Map.of()), null);

        Invocation typed = new Invocation(login, Map.of("password", "s3cret-value"), "login");

        Explanation why = policy.explain(ALICE, typed, WEB);

        assertThat(why.decision()).isInstanceOf(Decision.Deny.class);
        assertThat(String.join("\n", why.steps())).doesNotContain("s3cret-value").contains("***");
    }
}
