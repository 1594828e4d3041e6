package dev.switchboard.core.policy.rules;

import java.util.Objects;

/** Why a rule was refused: where it is ({@code policy.yaml:3:5}) and what is wrong with it, for an admin. */
public record RuleProblem(String source, String message) {
    public RuleProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
