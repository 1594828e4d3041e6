package dev.switchboard.core.policy.rules;

import dev.switchboard.api.policy.Decision;
import java.util.List;
import java.util.Objects;

/**
 * Why {@link RulePolicy} decided what it did: one line per rule considered, in order, ending with the decision.
 * Safe to show to the user who asked and to audit: it holds only the argument values a {@code when} read,
 * with secret ones replaced by {@code ***}.
 */
public record Explanation(Decision decision, List<String> steps) {
    public Explanation {
        Objects.requireNonNull(decision, "decision");
        steps = List.copyOf(steps);
    }
}
