package dev.switchboard.api.chat;

/**
 * Where an adapter hands the messages it receives. Called on the adapter's own thread; implementations return
 * quickly (they queue the message) and never throw for a message they cannot handle: they answer it instead.
 */
@FunctionalInterface
public interface MessageSink {
    void accept(InboundMessage message);
}
