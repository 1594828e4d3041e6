package dev.switchboard.testkit.contract;

import java.util.List;

/**
 * The platform side of a {@link ChatAdapterContract} run: a fake or real platform that people "use" while the
 * adapter under test is connected to it. Conversations are named as the adapter names them in
 * {@code ConversationRef.id()} (e.g. {@code #ops}, {@code dm:alice}). Methods may be called from the test thread
 * only; they return once the platform accepted the action (delivery to the adapter may still be asynchronous).
 */
public interface PlatformDriver {
    /** {@code user} (a platform account name) says {@code text} in {@code conversation}, as a human would. */
    void userSays(String user, String conversation, String text);

    /**
     * The plain text of each message the platform shows in {@code conversation} now, oldest first, with edits
     * applied; human messages included. A message with several parts (blocks) is one entry with its parts joined
     * by line breaks; buttons show their labels.
     */
    List<String> shownIn(String conversation);

    /** Simulates the platform dropping the adapter's connection (the adapter should notice and reconnect). */
    void dropConnection();

    /** False when the platform has no connection to drop; the reconnect test is then skipped. */
    boolean supportsDrop();
}
