package dev.switchboard.alerts.routing;

import dev.switchboard.api.chat.ConversationRef;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What identifies an alert group: the route, the conversation it posts to and the values of the route's
 * {@code groupBy} labels (sorted by name). Immutable.
 */
public record GroupKey(String route, ConversationRef conversation, Map<String, String> labels) {
    private static final int ID_LENGTH = 6;
    private static final byte SEPARATOR = (byte) 0xff;

    public GroupKey {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(conversation, "conversation");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /**
     * The group's short id: six base-36 characters derived from the key, so the same group gets the same id after
     * a restart. {@code attempt} 0 is the usual id; the router asks for the next attempt only when two keys
     * collide.
     */
    String id(int attempt) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        update(sha256, route);
        update(sha256, conversation.toString());
        update(sha256, conversation.thread() == null ? "" : conversation.thread());
        labels.forEach((name, value) -> {
            update(sha256, name);
            update(sha256, value);
        });
        update(sha256, Integer.toString(attempt));
        String base36 = new BigInteger(1, sha256.digest()).toString(36);
        // Start with a letter so the id never reads as a number in a command.
        return (char) ('a' + Character.digit(base36.charAt(0), 36) % 26) + base36.substring(1, ID_LENGTH);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update(SEPARATOR);
    }
}
