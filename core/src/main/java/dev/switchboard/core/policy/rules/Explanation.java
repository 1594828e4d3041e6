package dev.switchboard.core.policy.rules;

import dev.switchboard.api.policy.Decision;
import java.util.List;
import java.util.Objects;

/**
 * Why {@link RulePolicy} decided what it did: one line per rule considered, in order, ending with the decision.
 * Safe to show to the user who asked (it holds no argument values beyond those a {@code when} read).
 */
public record Explanation(Decision decision, List<String> steps) {
    public Explanation {
        Objects.requireNonNull(decision, "decision");
        steps = List.copyOf(steps);
    }
}
