package dev.switchboard.server;

import java.util.function.Consumer;

/**
 * Where the server hands an authenticated browser WebSocket (see {@link HttpServer#webSocket}). The server has
 * already checked the session cookie; {@code user} is the logged-in web account. Callbacks for one socket come in
 * order, on server threads; they must not block for long and should not throw (an exception is logged and the
 * socket stays open).
 */
public interface WsBridge {
    /**
     * A socket opened. {@code sender} sends one text frame to it; it is thread-safe, never blocks, and silently
     * drops frames once the socket is closed.
     */
    void opened(String sessionId, String user, Consumer<String> sender);

    /** A text frame arrived (at most 64 KB; larger frames close the socket before reaching here). */
    void text(String sessionId, String text);

    /** The socket closed, for any reason; called once per opened socket. */
    void closed(String sessionId);
}
