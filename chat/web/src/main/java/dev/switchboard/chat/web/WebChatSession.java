package dev.switchboard.chat.web;

/**
 * One connected browser tab, as the transport (the server's WebSocket) hands it to {@link WebChatAdapter#connect}.
 *
 * <p>{@link #user()} is the web account the server authenticated before the socket was opened; the adapter trusts
 * it and never takes a user from a frame. {@link #send} may be called from any thread, concurrently; it must not
 * block for long (queue the frame) and must not throw when the socket has just closed (drop the frame instead).
 */
public interface WebChatSession {
    /** Unique among the currently connected sessions; never null. */
    String id();

    /** The authenticated web account id, e.g. {@code alice}; never null or blank. */
    String user();

    /** Sends one JSON frame to the browser. */
    void send(String jsonFrame);
}
