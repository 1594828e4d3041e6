package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code security:} section. Immutable.
 *
 * @param redact extra patterns whose matches are masked everywhere text leaves Switchboard (replies, edits, job
 *     output, the audit log, log lines), <em>in addition to</em> the engine's built-in patterns for common secrets;
 *     a pattern with a group named {@code secret} masks only that group, any other masks its whole match. Empty by
 *     default (the built-ins still apply).
 * @param breakGlass who may skip an approval with {@code --break-glass "reason"}, and where that is announced
 * @param confirmations how long a confirmation question stays open
 */
public record SecurityConfig(List<Pattern> redact, BreakGlass breakGlass, Confirmations confirmations) {
    /** The default: no extra patterns, nobody may break glass, confirmations expire after two minutes. */
    public static final SecurityConfig DEFAULT = new SecurityConfig(List.of(), BreakGlass.NONE, Confirmations.DEFAULT);

    public SecurityConfig {
        redact = List.copyOf(redact);
        Objects.requireNonNull(breakGlass, "breakGlass");
        Objects.requireNonNull(confirmations, "confirmations");
    }

    /**
     * Members of {@code groups} may break glass; each use is said in every {@code announce} conversation. Both empty
     * by default: nobody may break glass.
     */
    public record BreakGlass(List<String> groups, List<ConversationRef> announce) {
        public static final BreakGlass NONE = new BreakGlass(List.of(), List.of());

        public BreakGlass {
            groups = List.copyOf(groups);
            announce = List.copyOf(announce);
        }
    }

    /** A pending confirmation ({@code yes <code>}) expires after {@code ttl}; 2 minutes by default. */
    public record Confirmations(Duration ttl) {
        public static final Confirmations DEFAULT = new Confirmations(Duration.ofMinutes(2));

        public Confirmations {
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    // Pattern has identity equality; two configs with the same regexes are the same config.
    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityConfig other && sources(redact).equals(sources(other.redact))
                && breakGlass.equals(other.breakGlass) && confirmations.equals(other.confirmations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sources(redact), breakGlass, confirmations);
    }

    private static List<String> sources(List<Pattern> patterns) {
        return patterns.stream().map(p -> p.flags() + "/" + p.pattern()).toList();
    }
}
