package dev.switchboard.api.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of an incident's timeline: what happened, when, and who did it.
 *
 * @param who the principal id; null for the system (an alert linked by a rule, say)
 * @param text what happened, already redacted; never null
 */
public record TimelineEntry(Instant at, String who, Kind kind, String text) {
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** What kind of step it was. */
    public enum Kind {
        DECLARED, STATUS, ROLE, SEVERITY, NOTE, LINK, COMMAND, RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
