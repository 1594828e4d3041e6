package dev.switchboard.core.policy.rules;

import dev.switchboard.api.identity.Principal;
import dev.switchboard.core.policy.condition.Condition;
import dev.switchboard.core.policy.condition.Facts;
import dev.switchboard.core.policy.condition.Verdict;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Who a rule is for and under which condition: its {@code to} and {@code when}. {@code when} is null when the rule
 * has none; {@code audience} is never empty. {@code written} is false when {@code to} was left out, so the rule's
 * text does not show the default.
 */
record Scope(List<Audience> audience, Condition when, boolean written) {
    Scope {
        audience = List.copyOf(audience);
    }

    /** Whether the scope holds for a requester, and why, as a clause for an explanation step. */
    record Match(boolean holds, String why) {}

    /**
     * Checks the audience, then the condition. {@code redact} hides secret values in the condition's trace, which
     * is shown to users.
     */
    Match match(Principal principal, Facts facts, UnaryOperator<String> redact) {
        if (audience.stream().noneMatch(a -> a.includes(principal))) {
            return new Match(false, String.join(" and ", audience.stream().map(a -> a.excludes(principal)).toList()));
        }
        if (when == null) {
            return new Match(true, "");
        }
        Verdict verdict = when.evaluate(facts);
        return new Match(verdict.value(), "when " + redact.apply(verdict.explanation()));
    }

    /** How the scope reads in a rule's text: {@code  to group:sre when env == 'prod'}. */
    String text() {
        return (written ? " to " + String.join(", ", audience.stream().map(Audience::toString).toList()) : "")
                + (when == null ? "" : " when " + when);
    }
}
