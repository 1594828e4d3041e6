package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.GROUPS;
import static dev.switchboard.core.policy.rules.PolicyFixtures.USERS;
import static dev.switchboard.core.policy.rules.PolicyFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded random rule sets, principals and invocations; a failure prints the seed and the case to replay. */
class RulePolicyPropertiesTest {
    private static final long SEED = 0x5EED_0042L;
    private static final int RULE_SETS = 400;
    private static final int CASES_PER_SET = 40;

    private static final List<String> COMMANDS = List.of("help", "whoami", "status", "status.jobs", "deploy.service",
            "deploy.db.migrate", "db.drop");
    private static final List<String> PATTERNS = List.of("*", "status", "status.*", "deploy.*", "deploy.service",
            "db.*", "help", "Bad", "deploy.", "");
    private static final List<String> TOS = List.of("everyone", "guests", "group:developers", "group:sre",
            "group:ops", "user:alice", "user:bob", "group:devs", "user:zed", "nobody");
    private static final List<String> WHENS = List.of("env != 'prod'", "env == 'prod'", "user == 'alice'",
            "channel matches '^slack:'", "service in ['web', 'api'] || platform == 'web'", "env ==", "(((");
    private static final List<String> CHANNELS = List.of("slack:#deploys", "web:*", "slack:*", "web:#ops",
            "slack:#DEPLOYS", "deploys", "web:");
    private static final List<ConversationRef> CONVERSATIONS = List.of(ConversationRef.of("slack", "#deploys"),
            ConversationRef.of("slack", "#general"), ConversationRef.of("web", "#ops"),
            ConversationRef.of("web", "dm:alice"));

    @Test
    void randomPoliciesNeverThrowAndEveryDecisionIsExplainedAndNamesARule() {
        Random random = new Random(SEED);
        int ready = 0;
        for (int set = 0; set < RULE_SETS; set++) {
            List<RuleSpec> rules = rules(random);
            RulePolicy.Built built = RulePolicy.build(rules, GROUPS, USERS);
            switch (built) {
                case RulePolicy.Built.Rejected rejected -> assertThat(rejected.problems()).as("set %d: %s", set, rules)
                        .isNotEmpty().allSatisfy(p -> assertThat(rules).extracting(RuleSpec::source)
                                .contains(p.source()));
                case RulePolicy.Built.Ready r -> {
                    ready++;
                    for (int i = 0; i < CASES_PER_SET; i++) {
                        checkOneCase(r.policy(), random, "set " + set + " case " + i + " rules " + rules);
                    }
                }
            }
        }
        assertThat(ready).as("enough generated rule sets are valid to exercise decide").isGreaterThan(RULE_SETS / 10);
    }

    private static void checkOneCase(RulePolicy policy, Random random, String label) {
        Principal principal = principal(random);
        Invocation invocation = invocation(pick(random, COMMANDS),
                Map.of("env", pick(random, List.of("prod", "staging")), "service", pick(random, List.of("web", "db"))));
        ConversationRef where = pick(random, CONVERSATIONS);

        Decision decision = policy.decide(principal, invocation, where);
        Explanation why = policy.explain(principal, invocation, where);

        assertThat(why.decision()).as(label).isEqualTo(decision);
        assertThat(decision.rule()).as(label).isNotBlank();
        assertThat(why.steps()).as(label).isNotEmpty();
        assertThat(why.steps().getLast()).as(label).contains(decision.rule());
        switch (decision) {
            case Decision.Allow allow -> assertThat(policy.visible(principal, invocation.commandId()))
                    .as("%s: an allowed command shows in help", label).isTrue();
            case Decision.Deny deny -> assertThat(deny.reason()).as(label).isNotBlank();
            case Decision.RequireApproval approval -> throw new AssertionError(label + ": no approval rules yet");
        }
        if (Set.of("help", "whoami").contains(invocation.commandId())) {
            assertThat(decision).as(label).isEqualTo(Decision.allow(RulePolicy.BUILT_IN_RULE));
        }
    }

    private static List<RuleSpec> rules(Random random) {
        List<RuleSpec> rules = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String source = "p.yaml:" + (i + 1) + ":5";
            // Mostly valid pieces, so that most sets build and decide gets exercised.
            boolean clean = random.nextInt(4) != 0;
            List<String> commands = some(random, clean ? PATTERNS.subList(0, 7) : PATTERNS, 1 + random.nextInt(2));
            if (random.nextInt(3) == 0) {
                List<String> channels = some(random, clean ? CHANNELS.subList(0, 5) : CHANNELS, 1 + random.nextInt(2));
                rules.add(RuleSpec.restrict(source, commands, channels));
            } else {
                List<String> to = some(random, clean ? TOS.subList(0, 7) : TOS, random.nextInt(3));
                String when = random.nextInt(3) == 0 ? pick(random, clean ? WHENS.subList(0, 5) : WHENS) : null;
                rules.add(RuleSpec.allow(source, commands, to, when));
            }
        }
        return rules;
    }

    private static Principal principal(Random random) {
        if (random.nextInt(4) == 0) {
            return Principal.guest("web:" + pick(random, List.of("mallory", "eve")), random.nextBoolean());
        }
        Set<String> groups = new HashSet<>(
                some(random, List.of("developers", "sre", "ops", "other"), random.nextInt(3)));
        return new Principal(pick(random, List.of("alice", "bob", "carol")), groups, true, true);
    }

    private static List<String> some(Random random, List<String> from, int count) {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            chosen.add(pick(random, from));
        }
        return List.copyOf(chosen);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
