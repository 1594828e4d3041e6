package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;

/**
 * The {@code incidents:} section: where declared and resolved incidents are announced ({@code announce}, one
 * {@code platform:conversation}), or nowhere when null. Incident commands work either way.
 */
public record IncidentsConfig(ConversationRef announce) {
    /** No section: incidents are not announced anywhere beyond their own conversation. */
    public static final IncidentsConfig DEFAULT = new IncidentsConfig(null);
}
