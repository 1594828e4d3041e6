package dev.switchboard.api.chat;

import dev.switchboard.api.reply.Reply;
import java.util.Optional;

/**
 * Connects Switchboard to one chat platform.
 *
 * <p>Lifecycle: {@link #start} and {@link #stop} are idempotent and may be called from any thread. After start the
 * adapter delivers every message addressed to the bot to the sink (mention or prefix stripped, own messages
 * dropped) and reconnects on its own with capped, jittered backoff, reporting its state through {@link #health}.
 *
 * <p>{@link #send} and {@link #edit} are called from many threads at once (one virtual thread per message); they
 * block until the platform accepted the message, and throw {@link dev.switchboard.api.AdapterException} when it
 * could not be delivered. They render the platform-neutral {@link Reply} themselves, degrading what the platform
 * cannot show.
 */
public interface ChatAdapter {
    /** The platform name used in addresses and config, e.g. {@code web}, {@code slack}; lower case, stable. */
    String platform();

    Capabilities capabilities();

    void start(MessageSink sink);

    void stop();

    /** Posts a reply into the conversation (and its thread, if it names one); returns a reference for edits. */
    MessageRef send(ConversationRef to, Reply reply);

    /**
     * Replaces the content of a posted message. Platforms without edits post the new content into the
     * conversation instead (see {@link Capabilities#edits()}); the returned reference is the message now showing it.
     */
    MessageRef edit(MessageRef message, Reply reply);

    AdapterHealth health();

    /**
     * The platform's ability to create conversations for incidents, when it has one and the adapter is configured
     * to use it; empty by default.
     */
    default Optional<RoomCreator> rooms() {
        return Optional.empty();
    }
}
