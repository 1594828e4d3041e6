package dev.switchboard.chat.mattermost;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WebSocket half of {@link FakeMattermost}: {@code /api/v4/websocket} on 127.0.0.1. A connection gets events
 * only after an {@code authentication_challenge} with the right token (answered {@code {"status":"OK","seq_reply":n}}
 * and then a {@code hello} with a {@code connection_id}). Every event has a per-connection {@code seq}. A client that
 * reconnects with {@code connection_id} and {@code sequence_number} gets the events it missed replayed, as the real
 * server does for a while after a drop.
 */
final class FakeMattermostSocket extends WebSocketServer {
    /** One WebSocket connection's state; {@code start} is its first event's index in the global log. */
    private static final class Session {
        volatile boolean authenticated;
        String connectionId;
        int start;
        int sentUpTo;
        String resumeId;
        long resumeFrom;
    }

    private final ObjectMapper json;
    private final String token;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> log = new ArrayList<>();
    private final Map<String, Integer> starts = new ConcurrentHashMap<>();

    FakeMattermostSocket(ObjectMapper json, String token) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.json = json;
        this.token = token;
        setReuseAddr(true);
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Mattermost WebSocket server did not start");
        }
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/api/v4/websocket");
    }

    /** Sends an event to every authenticated connection (and logs it for ones that resume later). */
    synchronized void broadcast(String event, ObjectNode data, String channelId) {
        ObjectNode message = json.createObjectNode().put("event", event);
        message.set("data", data);
        message.putObject("broadcast").put("channel_id", channelId).put("team_id", "").put("user_id", "");
        log.add(message.toString());
        for (WebSocket conn : getConnections()) {
            Session session = conn.getAttachment();
            if (session != null && session.authenticated) {
                catchUp(conn, session);
            }
        }
    }

    /** Cuts every connection without a closing handshake, as a dying proxy would. */
    void dropAll() {
        for (WebSocket conn : getConnections()) {
            // Closing a channel still registered with a selector is deferred until the selector wakes up, so shut
            // the TCP connection down first; the client sees end-of-stream at once.
            if (conn instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel tcp) {
                try {
                    tcp.shutdownOutput();
                    tcp.shutdownInput();
                } catch (IOException e) {
                    // already gone: that is what we wanted
                }
            }
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
        }
    }

    int authenticatedConnections() {
        return (int) getConnections().stream().map(c -> (Session) c.getAttachment())
                .filter(s -> s != null && s.authenticated).count();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Session session = new Session();
        URI resource = URI.create(handshake.getResourceDescriptor());
        if (!resource.getPath().equals("/api/v4/websocket")) {
            conn.close(CloseFrame.POLICY_VALIDATION, "no such endpoint");
            return;
        }
        String query = resource.getQuery() == null ? "" : resource.getQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("connection_id")) {
                session.resumeId = kv[1];
            } else if (kv.length == 2 && kv[0].equals("sequence_number")) {
                session.resumeFrom = Long.parseLong(kv[1]);
            }
        }
        conn.setAttachment(session);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode request = json.readTree(message);
        Session session = conn.getAttachment();
        long seq = request.path("seq").asLong();
        if (!"authentication_challenge".equals(request.path("action").asString(""))) {
            return;
        }
        if (!token.equals(request.path("data").path("token").asString(""))) {
            ObjectNode fail = json.createObjectNode().put("status", "FAIL").put("seq_reply", seq);
            fail.putObject("error").put("id", "api.web_socket_router.not_authenticated.app_error")
                    .put("message", "Invalid or expired session, please login again.");
            conn.send(fail.toString());
            conn.close(CloseFrame.POLICY_VALIDATION, "not authenticated");
            return;
        }
        conn.send(json.createObjectNode().put("status", "OK").put("seq_reply", seq).toString());
        synchronized (this) {
            Integer resumed = session.resumeId == null ? null : starts.get(session.resumeId);
            if (resumed != null) {
                session.connectionId = session.resumeId;
                session.start = resumed;
                session.sentUpTo = (int) Math.max(resumed, resumed + session.resumeFrom - 1);
            } else {
                session.connectionId = UUID.randomUUID().toString().replace("-", "");
                session.start = log.size();
                session.sentUpTo = log.size();
                starts.put(session.connectionId, session.start);
            }
            ObjectNode hello = json.createObjectNode().put("event", "hello").put("seq", 0);
            hello.putObject("data").put("server_version", "10.5.0.fake").put("connection_id", session.connectionId);
            hello.putObject("broadcast").put("user_id", "");
            if (resumed == null) {
                conn.send(hello.toString());
            }
            session.authenticated = true;
            catchUp(conn, session);
        }
    }

    /** Sends the connection every logged event it has not had yet, numbered from its start. */
    private void catchUp(WebSocket conn, Session session) {
        while (session.sentUpTo < log.size()) {
            ObjectNode event = (ObjectNode) json.readTree(log.get(session.sentUpTo));
            session.sentUpTo++;
            event.put("seq", session.sentUpTo - session.start);
            if (conn.isOpen()) {
                conn.send(event.toString());
            }
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // Nothing to do: the log stays, so the connection id can resume.
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // Clients that vanish show up here; the tests look at behaviour, not at this.
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
