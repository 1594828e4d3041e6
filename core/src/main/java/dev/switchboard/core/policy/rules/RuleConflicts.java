package dev.switchboard.core.policy.rules;

import dev.switchboard.api.command.CommandSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks rules that each passed {@link RuleChecker} against each other: an allow rule hidden by an earlier one,
 * restrict rules that together leave a command nowhere to run, and approve, confirm and limit rules that no allow
 * rule lets apply.
 */
final class RuleConflicts {
    private RuleConflicts() {}

    static List<RuleProblem> check(List<Rule> rules, KnownNames known) {
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            List<Rule> earlier = rules.subList(0, i);
            switch (rule) {
                case Rule.Allow allow -> shadowedBy(allow, earlier).ifPresent(e -> problems.add(new RuleProblem(
                        rule.source(), "this allow rule can never match: " + e.source()
                        + " already allows the same commands to the same people with no when")));
                case Rule.Restrict restrict -> contradiction(restrict, earlier, known).ifPresent(problems::add);
                case Rule.Approve a -> unreachable(rule, "approve", rules, known).ifPresent(problems::add);
                case Rule.Confirm c -> unreachable(rule, "confirm", rules, known).ifPresent(problems::add);
                case Rule.Limit l -> unreachable(rule, "limit", rules, known).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<Rule.Allow> shadowedBy(Rule.Allow rule, List<Rule> earlier) {
        return earlier.stream().filter(r -> r instanceof Rule.Allow).map(r -> (Rule.Allow) r)
                .filter(e -> e.scope().when() == null
                        && new HashSet<>(e.commands()).equals(new HashSet<>(rule.commands()))
                        && new HashSet<>(e.scope().audience()).equals(new HashSet<>(rule.scope().audience())))
                .findFirst();
    }

    private static Optional<RuleProblem> contradiction(Rule.Restrict rule, List<Rule> earlier, KnownNames known) {
        if (rule.channels().isEmpty()) {
            return Optional.empty();
        }
        for (Rule other : earlier) {
            if (!(other instanceof Rule.Restrict e) || e.channels().isEmpty() || overlap(e.channels(),
                    rule.channels())) {
                continue;
            }
            Optional<String> both = known.commands().stream().map(CommandSpec::id)
                    .filter(id -> e.covers(id) && rule.covers(id)).sorted().findFirst();
            if (both.isPresent()) {
                return Optional.of(new RuleProblem(rule.source(), "restrict: contradicts " + e.source() + ": "
                        + both.get() + " may only run in " + String.join(", ", e.channels()) + " there and only in "
                        + String.join(", ", rule.channels()) + " here, so it could run nowhere; list every channel"
                        + " in one restrict rule"));
            }
        }
        return Optional.empty();
    }

    /** Whether some conversation is in both channel lists. */
    static boolean overlap(List<String> a, List<String> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> overlap(x, y)));
    }

    private static boolean overlap(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        boolean xWild = x.endsWith("*");
        boolean yWild = y.endsWith("*");
        String xs = xWild ? x.substring(0, x.length() - 1) : x;
        String ys = yWild ? y.substring(0, y.length() - 1) : y;
        if (xWild && yWild) {
            return xs.startsWith(ys) || ys.startsWith(xs);
        }
        if (xWild) {
            return y.startsWith(xs);
        }
        return yWild ? x.startsWith(ys) : x.equals(y);
    }

    /** Approve, confirm and limit only apply to what an allow rule let through. */
    private static Optional<RuleProblem> unreachable(Rule rule, String word, List<Rule> rules, KnownNames known) {
        boolean reachable = known.coveredBy(rule).stream().map(CommandSpec::id)
                .filter(id -> !RulePolicy.ALWAYS_ALLOWED.contains(id))
                .anyMatch(id -> rules.stream().anyMatch(r -> r instanceof Rule.Allow && r.covers(id)));
        return reachable ? Optional.empty() : Optional.of(new RuleProblem(rule.source(), word + ": no allow rule"
                + " covers " + String.join(", ", rule.commands()) + ", so this rule can never apply; allow those"
                + " commands first"));
    }
}
