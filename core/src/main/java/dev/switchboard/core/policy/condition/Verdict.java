package dev.switchboard.core.policy.condition;

import java.util.Objects;

/**
 * The outcome of {@link Condition#evaluate}: its value and a readable trace of why, e.g.
 * {@code service in ['web', 'api'] is false (service is 'billing')}.
 */
public record Verdict(boolean value, String explanation) {
    public Verdict {
        Objects.requireNonNull(explanation, "explanation");
    }
}
