package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random rule sets of every kind, principals and invocations; a failure prints the set and the case to
 * replay. Building never throws; a built policy never throws, and every answer agrees with its explanation.
 */
class RulePolicyPropertiesTest {
    private static final long SEED = 0x5EED_0042L;
    private static final int RULE_SETS = 2_000;
    private static final int CASES_PER_SET = 20;

    private static final List<String> COMMANDS = List.of("help", "whoami", "explain", "status", "status.jobs",
            "deploy.service", "deploy.db.migrate", "db.drop");
    private static final List<String> PATTERNS = List.of("*", "status", "status.*", "deploy.*", "deploy.service",
            "db.*", "help", "Bad", "deploy.", "", "deploy.servce");
    private static final List<String> TOS = List.of("everyone", "guests", "group:developers", "group:sre",
            "group:ops", "user:alice", "user:bob", "group:devs", "user:zed", "nobody");
    private static final List<String> BYS = List.of("group:sre", "user:bob", "everyone", "group:ops", "guests",
            "group:nope");
    private static final List<String> WHENS = List.of("user == 'alice'", "channel matches '^slack:'",
            "platform == 'web' || user != 'bob'", "env != 'prod'", "env == 'prod' && service in ['web', 'api']",
            "evn == 'prod'", "env ==", "(((");
    private static final List<String> CHANNELS = List.of("slack:#deploys", "web:*", "slack:*", "web:#ops",
            "slack:#DEPLOYS", "deploys", "web:");
    private static final List<String> RATES = List.of("5/10m", "1/30s", "30/1h", "0/1m", "5 per 10m", "5/");
    private static final List<ConversationRef> CONVERSATIONS = List.of(ConversationRef.of("slack", "#deploys"),
            ConversationRef.of("slack", "#general"), ConversationRef.of("web", "#ops"),
            ConversationRef.of("web", "dm:alice"), ConversationRef.of("irc", "#ops"));

    @Test
    void randomPoliciesNeverThrowAndEveryAnswerAgreesWithItsExplanation() {
        Random random = new Random(SEED);
        int ready = 0;
        Set<Class<?>> seen = new HashSet<>();
        for (int set = 0; set < RULE_SETS; set++) {
            List<RuleSpec> rules = rules(random);
            RulePolicy.Built built = RulePolicy.build(rules, PolicyFixtures.KNOWN);
            switch (built) {
                case RulePolicy.Built.Rejected rejected -> assertThat(rejected.problems()).as("set %d: %s", set, rules)
                        .isNotEmpty().allSatisfy(p -> assertThat(rules).extracting(RuleSpec::source)
                                .contains(p.source()));
                case RulePolicy.Built.Ready r -> {
                    ready++;
                    for (int i = 0; i < CASES_PER_SET; i++) {
                        seen.add(checkOneCase(r.policy(), random, "set " + set + " case " + i + " rules " + rules));
                    }
                }
            }
        }
        assertThat(ready).as("enough generated rule sets are valid to exercise decide").isGreaterThan(RULE_SETS / 5);
        assertThat(seen).as("every kind of decision was reached").containsExactlyInAnyOrder(Decision.Allow.class,
                Decision.Deny.class, Decision.RequireApproval.class);
    }

    /**
     * Random texts as a command's own confirm and as a limit rule's rate: checking and evaluating them never throws,
     * and a confirm that the load check accepts never fails to parse at run time, and one it refuses for its syntax
     * makes the policy ask. The parser
     * itself gets random text in ConditionPropertiesTest; this covers the paths around it.
     */
    @Test
    void randomConfirmTextsAndRatesAreCheckedAndEvaluatedWithoutThrowing() {
        Random random = new Random(SEED + 1);
        String alphabet = "envprod='\"()[]!&|, \t/0123456789msdhx.*_-üé🚀";
        RulePolicy allowAll = PolicyFixtures.ready(RuleSpec.allow("p:1:5", List.of("*"), List.of(), null));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int c = 0; c < length; c++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String label = "try " + i + ": " + text;
            var spec = PolicyFixtures.command("deploy.service", "deploy {service} to {env}", text.toString());
            List<String> problems = CommandConfirmations.problems(spec);
            Invocation invocation = new Invocation(spec, Map.of("env", "prod", "service", "web"), "deploy");
            Optional<String> asked = allowAll.confirmation(PolicyFixtures.BOB, invocation, CONVERSATIONS.getFirst());
            if (problems.isEmpty() && !text.toString().isBlank()) {
                assertThat(allowAll.explain(PolicyFixtures.BOB, invocation, CONVERSATIONS.getFirst()).steps())
                        .as(label).noneMatch(step -> step.endsWith("does not parse"));
            }
            if (problems.stream().anyMatch(p -> p.startsWith("column "))) {
                assertThat(asked).as("%s: a confirm that does not parse asks rather than skips", label).isPresent();
            }
            RulePolicy.Built limited = PolicyFixtures.build(RuleSpec.allow("p:1:5", List.of("*"), List.of(), null),
                    RuleSpec.limit("p:2:5", List.of("*"), List.of(), null, text.toString()));
            assertThat(limited).as(label).isNotNull();
        }
    }

    private static Class<?> checkOneCase(RulePolicy policy, Random random, String label) {
        Principal principal = principal(random);
        Invocation invocation = invocation(pick(random, COMMANDS),
                Map.of("env", pick(random, List.of("prod", "staging")), "service", pick(random, List.of("web", "db"))));
        ConversationRef where = pick(random, CONVERSATIONS);

        Decision decision = policy.decide(principal, invocation, where);
        Explanation why = policy.explain(principal, invocation, where);
        Optional<String> confirmation = policy.confirmation(principal, invocation, where);
        Optional<RateLimit> limit = policy.rateLimit(principal, invocation, where);

        assertThat(why.decision()).as(label).isEqualTo(decision);
        assertThat(policy.reasons(principal, invocation, where)).as(label).isEqualTo(why.steps());
        assertThat(decision.rule()).as(label).isNotBlank();
        assertThat(why.steps().getLast()).as(label).contains(decision.rule());
        confirmation.ifPresent(rule -> assertThat(why.steps().subList(0, why.steps().size() - 1)).as(label)
                .anySatisfy(step -> assertThat(step).startsWith(rule + ": asks for confirmation")));
        limit.ifPresent(l -> assertThat(why.steps().subList(0, why.steps().size() - 1)).as(label)
                .anySatisfy(step -> assertThat(step).startsWith(l.rule() + ": counts against")));
        switch (decision) {
            case Decision.Allow allow -> assertThat(policy.visible(principal, invocation.commandId()))
                    .as("%s: an allowed command shows in help", label).isTrue();
            case Decision.Deny deny -> {
                assertThat(deny.reason()).as(label).isNotBlank();
                assertThat(confirmation).as("%s: nothing to confirm when denied", label).isEmpty();
                assertThat(limit).as("%s: nothing to count when denied", label).isEmpty();
            }
            case Decision.RequireApproval approval -> {
                assertThat(approval.rule()).as(label).contains(" approve ");
                assertThat(approval.count()).as(label).isPositive();
                assertThat(approval.approvers()).as(label).isNotEmpty();
                assertThat(policy.visible(principal, invocation.commandId())).as(label).isTrue();
            }
        }
        if (Set.of("help", "whoami").contains(invocation.commandId())) {
            assertThat(decision).as(label).isEqualTo(Decision.allow(RulePolicy.BUILT_IN_RULE));
        }
        return decision.getClass();
    }

    private static List<RuleSpec> rules(Random random) {
        List<RuleSpec> rules = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String source = "p.yaml:" + (i + 1) + ":5";
            // Mostly valid pieces, so that most sets build and decide gets exercised.
            boolean clean = random.nextInt(5) != 0;
            List<String> commands = some(random, clean ? PATTERNS.subList(0, 7) : PATTERNS, 1 + random.nextInt(2));
            List<String> to = some(random, clean ? TOS.subList(0, 7) : TOS, random.nextInt(3) == 0 ? 1 : 0);
            String when = random.nextInt(3) == 0 ? pick(random, clean ? WHENS.subList(0, 3) : WHENS) : null;
            rules.add(switch (random.nextInt(8)) {
                case 0 -> RuleSpec.restrict(source, commands, some(random, clean ? CHANNELS.subList(0, 5) : CHANNELS,
                        random.nextInt(3)), random.nextBoolean());
                case 1 -> RuleSpec.approve(source, commands, to, when, some(random, clean ? BYS.subList(0, 3) : BYS,
                        1), random.nextBoolean() ? null : 1 + random.nextInt(clean ? 2 : 4),
                        random.nextBoolean() ? null : Duration.ofMinutes(random.nextInt(clean ? 60 : 2) + 1),
                        List.of(pick(random, clean ? List.of("web:#approvals") : List.of("web:*", "approvals"))));
                case 2 -> RuleSpec.confirm(source, commands, to, when);
                case 3 -> RuleSpec.limit(source, commands, to, when, pick(random, clean ? RATES.subList(0, 3) : RATES));
                default -> RuleSpec.allow(source, commands, to, when);
            });
        }
        return rules;
    }

    private static Principal principal(Random random) {
        if (random.nextInt(4) == 0) {
            return Principal.guest("web:" + pick(random, List.of("mallory", "eve")), random.nextBoolean());
        }
        Set<String> groups = new HashSet<>(
                some(random, List.of("developers", "sre", "ops", "other"), random.nextInt(3)));
        return new Principal(pick(random, List.of("alice", "bob", "carol")), groups, true, random.nextInt(5) != 0);
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
