package dev.switchboard.chat.slack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's Socket Mode server, faked on loopback: says {@code hello} on every connection, pushes envelopes
 * ({@code events_api}, {@code interactive}) with an {@code envelope_id}, records acks, and on the next connection
 * redelivers every envelope not acknowledged yet with {@code retry_attempt} one higher and
 * {@code retry_reason: timeout}, as Slack does. It can close the socket, ask the client to reconnect, or
 * {@link #freeze()} the open sockets: they stay open but answer no ping and carry no envelope, like a hung server.
 */
final class FakeSocketModeServer extends WebSocketServer {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, ObjectNode> unacked = new ConcurrentHashMap<>();
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final List<String> ignored = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> pushed = new CopyOnWriteArrayList<>();
    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private final Set<WebSocket> frozen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean ignoreAcks;

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        // The fake never gives up on a client by itself: only what a test asks for happens.
        setConnectionLostTimeout(0);
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Socket Mode server did not start");
        }
    }

    /** Pushes a payload in a new envelope of {@code type}; kept for redelivery until acknowledged. */
    String push(String type, JsonNode payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", UUID.randomUUID().toString());
        envelope.set("payload", payload);
        envelope.put("type", type);
        envelope.put("accepts_response_payload", false);
        envelope.put("retry_attempt", 0);
        envelope.put("retry_reason", "");
        unacked.put(envelope.get("envelope_id").stringValue(), envelope);
        pushed.add(envelope);
        String text = envelope.toString();
        open.stream().filter(socket -> !frozen.contains(socket)).forEach(socket -> socket.send(text));
        return envelope.get("envelope_id").stringValue();
    }

    /** Closes every connection abruptly, as a network outage or a Slack restart would. */
    void dropConnections() {
        open.forEach(socket -> socket.close(1011, "fake outage"));
    }

    /**
     * From now on the sockets open now answer no ping and carry no envelope, yet stay open; envelopes pushed meanwhile
     * wait, unacknowledged, for the next connection (which is served normally).
     */
    void freeze() {
        frozen.addAll(open);
    }

    /** Sends a {@code disconnect} envelope (Slack does this before it rotates a connection). */
    void askToReconnect() {
        String text = JSON.createObjectNode().put("type", "disconnect").put("reason", "refresh_requested")
                .set("debug_info", JSON.createObjectNode().put("host", "fake-slack")).toString();
        open.forEach(socket -> socket.send(text));
    }

    /** While true, acks are read but not recorded, so their envelopes are redelivered on the next connection. */
    void ignoreAcks(boolean ignore) {
        this.ignoreAcks = ignore;
    }

    /** Acks that arrived while {@link #ignoreAcks} was on. */
    List<String> ignoredAcks() {
        return List.copyOf(ignored);
    }

    List<String> acks() {
        return List.copyOf(acks);
    }

    List<ObjectNode> pushed() {
        return List.copyOf(pushed);
    }

    int connectionCount() {
        return connections.get();
    }

    boolean connected() {
        return !open.isEmpty();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        connections.incrementAndGet();
        open.add(socket);
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", 1);
        hello.set("debug_info", JSON.createObjectNode().put("host", "fake-slack").put("build_number", 1)
                .put("approximate_connection_time", 18_060));
        hello.set("connection_info", JSON.createObjectNode().put("app_id", FakeSlack.APP_ID));
        socket.send(hello.toString());
        for (ObjectNode envelope : unacked.values()) {
            ObjectNode again = envelope.deepCopy();
            again.put("retry_attempt", envelope.get("retry_attempt").asInt() + 1);
            again.put("retry_reason", "timeout");
            unacked.put(again.get("envelope_id").stringValue(), again);
            pushed.add(again);
            socket.send(again.toString());
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        open.remove(socket);
        frozen.remove(socket);
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        if (!frozen.contains(socket)) {
            super.onWebsocketPing(socket, ping);
        }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        JsonNode ack = JSON.readTree(message);
        String id = ack.path("envelope_id").asString(null);
        if (id != null && ignoreAcks) {
            ignored.add(id);
        } else if (id != null) {
            acks.add(id);
            unacked.remove(id);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        // The client closing mid-frame is part of the tests; nothing to do.
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
