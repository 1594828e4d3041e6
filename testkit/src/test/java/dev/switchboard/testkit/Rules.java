package dev.switchboard.testkit;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.policy.rules.KnownNames;
import dev.switchboard.core.policy.rules.RulePolicy;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a real {@link RulePolicy} for a transcript; rules that do not check are a mistake in the test. */
final class Rules {
    private Rules() {}

    static Policy policy(Map<String, Set<String>> groupsByUser, List<Commands.Builder> commands, RuleSpec... rules) {
        List<CommandSpec> known = new ArrayList<>(Builtins.specs());
        commands.forEach(c -> known.add(c.build()));
        return switch (RulePolicy.build(List.of(rules), KnownNames.of(groupsByUser, known))) {
            case RulePolicy.Built.Ready ready -> ready.policy();
            case RulePolicy.Built.Rejected rejected -> throw new IllegalArgumentException(
                    "the test's rules do not check: " + rejected.problems());
        };
    }
}
