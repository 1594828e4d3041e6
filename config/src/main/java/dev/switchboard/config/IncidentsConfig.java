package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.util.Objects;

/**
 * The {@code incidents:} section: where declared and resolved incidents are announced ({@code announce}, one
 * {@code platform:conversation}, or null for nowhere), and whether each declared incident gets a dedicated room
 * ({@code rooms}, null for none). Incident commands work either way.
 */
public record IncidentsConfig(ConversationRef announce, Rooms rooms) {
    /** No section: incidents are not announced anywhere beyond their own conversation, and get no room. */
    public static final IncidentsConfig DEFAULT = new IncidentsConfig(null, null);

    /** Announced in {@code announce}, without rooms. */
    public IncidentsConfig(ConversationRef announce) {
        this(announce, null);
    }

    /**
     * {@code rooms: { platform: slack, prefix: inc- }}: each declared incident gets a conversation on
     * {@code platform} named {@code <prefix><number>-<title>}, such as {@code inc-42-checkout-is-down}.
     */
    public record Rooms(String platform, String prefix) {
        /** The prefix when none is written. */
        public static final String DEFAULT_PREFIX = "inc-";

        public Rooms {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(prefix, "prefix");
        }
    }
}
