package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.ALICE;
import static dev.switchboard.core.policy.rules.PolicyFixtures.BOB;
import static dev.switchboard.core.policy.rules.PolicyFixtures.CAROL;
import static dev.switchboard.core.policy.rules.PolicyFixtures.command;
import static dev.switchboard.core.policy.rules.PolicyFixtures.invocation;
import static dev.switchboard.core.policy.rules.PolicyFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmLimitAndVerifiedRulesTest {
    private static final ConversationRef OPS = ConversationRef.of("web", "#ops");
    private static final ConversationRef IRC = ConversationRef.of("irc", "#ops");

    private final RulePolicy policy = ready(
            RuleSpec.allow("p:1:5", List.of("deploy.*", "status"), List.of(), null),
            RuleSpec.confirm("p:2:5", List.of("deploy.*"), List.of(), "env == 'prod'"),
            RuleSpec.confirm("p:3:5", List.of("deploy.*"), List.of("group:developers"), null),
            RuleSpec.limit("p:4:5", List.of("deploy.*"), List.of("group:developers"), null, "5/10m"),
            RuleSpec.limit("p:5:5", List.of("*"), List.of(), null, "30/1h"));

    private static Invocation deploy(String env) {
        return invocation("deploy.service", Map.of("service", "web", "env", env));
    }

    @Test
    void theFirstConfirmRuleThatAppliesIsTheConfirmation() {
        assertThat(policy.confirmation(BOB, deploy("prod"), OPS)).contains("p:2:5 confirm deploy.* when env == 'prod'");
        assertThat(policy.confirmation(ALICE, deploy("staging"), OPS)).contains(
                "p:3:5 confirm deploy.* to group:developers");
        assertThat(policy.confirmation(BOB, deploy("staging"), OPS)).isEmpty();
        assertThat(policy.confirmation(BOB, invocation("status"), OPS)).isEmpty();
    }

    @Test
    void aDeniedRequestHasNoConfirmationOrLimit() {
        Principal stranger = Principal.guest("web:eve", true);

        assertThat(policy.confirmation(stranger, deploy("prod"), OPS)).isEmpty();
        assertThat(policy.rateLimit(stranger, deploy("prod"), OPS)).isEmpty();
    }

    @Test
    void aCommandsOwnConfirmCountsWhenNoRuleAsksAndIsNamedAfterTheCommand() {
        RulePolicy plain = ready(RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null));
        Invocation prod = new Invocation(command("deploy.service", "deploy {service} to {env}", "env == \"prod\""),
                Map.of("service", "web", "env", "prod"), "deploy web to prod");

        assertThat(plain.confirmation(BOB, prod, OPS))
                .contains("commands.yaml:9:5 commands.deploy.service.confirm when env == 'prod'");
        assertThat(plain.explain(BOB, prod, OPS).steps()).contains("commands.yaml:9:5 commands.deploy.service.confirm"
                + " when env == 'prod': asks for confirmation, when env == 'prod' is true (env is 'prod')");
    }

    @Test
    void aReloadedCommandWithTheSameIdButANewConfirmIsEvaluatedWithTheNewCondition() {
        RulePolicy plain = ready(RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null));
        Map<String, String> staging = Map.of("service", "web", "env", "staging");
        Invocation before = new Invocation(command("deploy.service", "deploy {service} to {env}", "env == 'prod'"),
                staging, "deploy web to staging");
        Invocation after = new Invocation(command("deploy.service", "deploy {service} to {env}", "env != 'prod'"),
                staging, "deploy web to staging");

        assertThat(plain.confirmation(BOB, before, OPS)).isEmpty();
        assertThat(plain.confirmation(BOB, after, OPS)).isPresent();
    }

    @Test
    void aCommandConfirmThatDoesNotParseAsksRatherThanSkips() {
        RulePolicy plain = ready(RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null));
        Invocation broken = new Invocation(command("deploy.service", "deploy {service} to {env}", "env == prod"),
                Map.of("env", "staging"), "deploy web to staging");

        assertThat(plain.confirmation(BOB, broken, OPS)).contains(
                "commands.yaml:9:5 commands.deploy.service.confirm when env == prod");
    }

    @Test
    void theFirstLimitRuleThatAppliesIsTheRateLimitKeyedByItsSource() {
        assertThat(policy.rateLimit(ALICE, deploy("prod"), OPS)).contains(new RateLimit(
                "p:4:5 limit deploy.* to group:developers rate 5/10m", "p:4:5", 5, Duration.ofMinutes(10)));
        assertThat(policy.rateLimit(BOB, invocation("status"), OPS)).contains(new RateLimit(
                "p:5:5 limit * rate 30/1h", "p:5:5", 30, Duration.ofHours(1)));
    }

    @Test
    void theExplanationShowsEveryConfirmAndLimitRuleConsideredBeforeTheDecision() {
        List<String> steps = policy.explain(ALICE, deploy("staging"), OPS).steps();

        assertThat(steps).containsExactly(
                "p:1:5 allow deploy.*, status: allows",
                "p:2:5 confirm deploy.* when env == 'prod': skipped, when env == 'prod' is false (env is 'staging')",
                "p:3:5 confirm deploy.* to group:developers: asks for confirmation",
                "p:4:5 limit deploy.* to group:developers rate 5/10m: counts against 5 run(s) per 10m for each user",
                "allowed by p:1:5 allow deploy.*, status");
    }

    @Test
    void aVerifiedRestrictDeniesUnverifiedAccountsAndSaysHowToVerify() {
        RulePolicy verified = ready(
                RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null),
                RuleSpec.restrict("p:2:5", List.of("deploy.*"), List.of(), true));
        Principal unverified = new Principal("alice", Set.of("developers"), true, false);

        assertThat(verified.decide(unverified, deploy("prod"), IRC)).isEqualTo(Decision.deny(
                "deploy.service needs an account the platform verifies; irc:alice is not verified"
                        + " (identify with NickServ/SASL, or use the web chat)", "p:2:5 restrict deploy.* verified"));
        assertThat(verified.decide(ALICE, deploy("prod"), IRC)).isInstanceOf(Decision.Allow.class);
        assertThat(verified.explain(ALICE, deploy("prod"), IRC).steps())
                .startsWith("p:2:5 restrict deploy.* verified: passed, irc:alice is verified");
    }

    @Test
    void aVerifiedRestrictWithChannelsNeedsBoth() {
        RulePolicy both = ready(
                RuleSpec.allow("p:1:5", List.of("deploy.*"), List.of(), null),
                RuleSpec.restrict("p:2:5", List.of("deploy.*"), List.of("web:*"), true));
        Principal unverified = new Principal("carol", Set.of(), true, false);

        assertThat(both.decide(CAROL, deploy("prod"), IRC).rule()).isEqualTo("p:2:5 restrict deploy.* to web:* verified");
        assertThat(both.decide(unverified, deploy("prod"), OPS)).isEqualTo(Decision.deny(
                "deploy.service needs an account the platform verifies; web:carol is not verified"
                        + " (sign in to web with a verified account, or use the web chat)",
                "p:2:5 restrict deploy.* to web:* verified"));
        assertThat(both.decide(CAROL, deploy("prod"), OPS)).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void helpAndWhoamiNeedNoVerifiedAccount() {
        RulePolicy verified = ready(
                RuleSpec.allow("p:1:5", List.of("*"), List.of(), null),
                RuleSpec.restrict("p:2:5", List.of("*"), List.of(), true));
        Principal unverified = new Principal("alice", Set.of(), true, false);

        assertThat(verified.decide(unverified, invocation("help"), IRC)).isEqualTo(
                Decision.allow(RulePolicy.BUILT_IN_RULE));
        assertThat(verified.confirmation(unverified, invocation("help"), IRC)).isEqualTo(Optional.empty());
    }

    @Test
    void confirmAndLimitStepsNeverShowASecretArgumentTheyRead() {
        RulePolicy secretive = ready(
                RuleSpec.allow("p:1:5", List.of("db.login"), List.of(), null),
                RuleSpec.confirm("p:2:5", List.of("db.login"), List.of(), "password matches 'hunter'"),
                RuleSpec.limit("p:3:5", List.of("db.login"), List.of(), "password != 'x'", "3/1m"));
        Invocation typed = new Invocation(PolicyFixtures.LOGIN, Map.of("password", "hunter2-secret"), "login");

        List<String> steps = secretive.explain(ALICE, typed, OPS).steps();

        assertThat(steps).hasSize(4);
        assertThat(String.join("\n", steps)).doesNotContain("hunter2-secret").contains("password is '***'");
    }
}
