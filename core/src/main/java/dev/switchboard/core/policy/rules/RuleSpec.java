package dev.switchboard.core.policy.rules;

import java.util.List;
import java.util.Objects;

/**
 * One policy rule as written in config, not yet checked; {@link RulePolicy#build} checks it.
 *
 * @param kind allow or restrict
 * @param commands command patterns: {@code deploy.service}, {@code deploy.*} or {@code *}
 * @param to who an allow rule is for: {@code group:<name>}, {@code user:<id>}, {@code guests}, {@code everyone};
 *     empty means everyone (every known user)
 * @param when a condition an allow rule also needs, or null
 * @param channels where a restrict rule lets its commands run ({@code slack:#deploys}, {@code web:*})
 * @param source where it was written ({@code policy.yaml:3:5}), for messages
 */
public record RuleSpec(Kind kind, List<String> commands, List<String> to, String when, List<String> channels,
        String source) {

    /** What a rule does. */
    public enum Kind {
        /** Lets its audience run its commands. */
        ALLOW,
        /** Confines its commands to its channels, for everyone. */
        RESTRICT
    }

    public RuleSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        commands = commands == null ? List.of() : List.copyOf(commands);
        to = to == null ? List.of() : List.copyOf(to);
        channels = channels == null ? List.of() : List.copyOf(channels);
        when = when == null || when.isBlank() ? null : when.strip();
    }

    /** An allow rule. */
    public static RuleSpec allow(String source, List<String> commands, List<String> to, String when) {
        return new RuleSpec(Kind.ALLOW, commands, to, when, List.of(), source);
    }

    /** A restrict rule. */
    public static RuleSpec restrict(String source, List<String> commands, List<String> channels) {
        return new RuleSpec(Kind.RESTRICT, commands, List.of(), null, channels, source);
    }
}
