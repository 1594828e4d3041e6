package dev.switchboard.core.incident;

import java.util.Objects;

/**
 * Where incidents get a dedicated conversation: on {@code platform} (its adapter must offer rooms), named
 * {@code <prefix><number>-<title as a slug>}, such as {@code inc-42-checkout-is-down}. Immutable.
 *
 * @param platform the chat platform, such as {@code slack}
 * @param prefix the start of every room name, such as {@code inc-}; lower case letters, digits, {@code -} or
 *     {@code _}
 */
public record RoomSettings(String platform, String prefix) {
    /** The prefix used when the config gives none. */
    public static final String DEFAULT_PREFIX = "inc-";

    public RoomSettings {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[a-z0-9_-]{0,20}")) {
            throw new IllegalArgumentException("a room prefix is up to 20 lower-case letters, digits, - or _; got '"
                    + prefix + "'");
        }
    }
}
