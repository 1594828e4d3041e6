package dev.switchboard.chat.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Socket Mode session at a time, kept up by a loop on its own virtual thread: ask {@code apps.connections.open}
 * for a single-use URL, connect, wait for {@code hello}, and on a close or a {@code disconnect} envelope start over
 * (at once after a {@code disconnect}, after a capped, jittered backoff after a failure).
 *
 * <p>A socket that stays open while Slack says nothing (a hung proxy, a black-holed network) is caught with
 * WebSocket pings: Java-WebSocket pings every {@code keepAlive} and closes a connection whose server has not answered
 * one for 1.5× that; the loop then reports {@code no answer to pings from <host> for N s; reconnecting} and starts
 * over with the backoff, through a fresh {@code apps.connections.open}.
 *
 * <p>Every envelope with an {@code envelope_id} is acknowledged at once, before it is handed to the
 * {@link Listener}, so Slack does not redeliver it while the bot works. Envelopes are handed on in arrival order on
 * the WebSocket's reader thread; the listener must return quickly. Thread-safe; {@link #close()} is idempotent.
 */
final class SocketModeConnection {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    /** What the connection reports; called from the loop or reader thread, one call at a time per session. */
    interface Listener {
        /** {@code hello} arrived: events flow. */
        void connected();

        /** No session now; {@code failures} counts consecutive failed attempts (0 for a requested reconnect). */
        void down(String why, int failures);

        /** An acknowledged envelope ({@code events_api}, {@code interactive}, ...). */
        void envelope(JsonNode envelope);
    }

    private final Supplier<ApiOutcome<String>> openUrl;
    private final Backoff backoff;
    private final Listener listener;
    private final Ticker ticker;
    private final Duration keepAlive;
    private volatile boolean closed;
    private volatile Session current;
    private Thread loop;

    SocketModeConnection(Supplier<ApiOutcome<String>> openUrl, Backoff backoff, Ticker ticker, Duration keepAlive,
            Listener listener) {
        this.openUrl = openUrl;
        this.backoff = backoff;
        this.ticker = ticker;
        this.keepAlive = keepAlive;
        this.listener = listener;
    }

    synchronized void start() {
        if (loop == null && !closed) {
            loop = Thread.ofVirtual().name("slack-socket-mode").start(this::keepConnected);
        }
    }

    synchronized void close() {
        closed = true;
        Session session = current;
        if (session != null) {
            session.close();
        }
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void keepConnected() {
        int failures = 0;
        try {
            while (!closed) {
                String failure = runOneSession();
                if (closed) {
                    return;
                }
                if (failure == null) {
                    failures = 0;
                    listener.down("Slack asked the bot to reconnect", 0);
                    continue;
                }
                failures++;
                listener.down(failure, failures);
                ticker.sleep(backoff.delay(failures));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the Socket Mode loop failed; Slack events stop until the adapter restarts", e);
            listener.down("the Socket Mode loop failed: " + e.getClass().getSimpleName(), Integer.MAX_VALUE);
        }
    }

    /** One session from URL to close; null if Slack asked to reconnect, else why it ended or failed. */
    private String runOneSession() throws InterruptedException {
        URI uri;
        switch (openUrl.get()) {
            case ApiOutcome.Done<String> d -> uri = URI.create(d.value());
            case ApiOutcome.RateLimited<String> r -> {
                ticker.sleep(r.retryAfter());
                return "apps.connections.open was rate limited";
            }
            case ApiOutcome.Unavailable<String> u -> {
                return u.reason();
            }
            case ApiOutcome.Refused<String> r -> {
                return r.error() + " (check the app-level token and that Socket Mode is on)";
            }
        }
        Session session = new Session(uri);
        current = session;
        try {
            if (closed || !session.connectBlocking(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return "could not open the Socket Mode WebSocket" + session.errorSuffix();
            }
            session.ended.await();
        } finally {
            current = null;
            session.close();
        }
        if (session.disconnectRequested) {
            return null;
        }
        if (session.unanswered != null) {
            return session.unanswered;
        }
        return session.hello ? "the Socket Mode connection closed" + session.errorSuffix()
                : "the Socket Mode connection closed before hello" + session.errorSuffix();
    }

    /** One WebSocket; reports to the listener only while the connection is open for business. */
    private final class Session extends WebSocketClient {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean hello;
        volatile boolean disconnectRequested;
        volatile String error;
        /** Why the connection was given up for unanswered pings, or null. */
        volatile String unanswered;
        private volatile long lastPongAt = ticker.nanoTime();

        Session(URI uri) {
            super(uri);
            setConnectionLostTimeout((int) keepAlive.toSeconds());
        }

        @Override
        public void onWebsocketPong(WebSocket connection, Framedata pong) {
            lastPongAt = ticker.nanoTime();
        }

        String errorSuffix() {
            return error == null ? "" : " (" + error + ")";
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            lastPongAt = ticker.nanoTime();
            log.debug("Socket Mode WebSocket open, waiting for hello");
        }

        @Override
        public void onMessage(String text) {
            if (closed) {
                return;
            }
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (JacksonException e) {
                log.warn("ignoring a Socket Mode frame that is not JSON ({} chars)", text.length());
                return;
            }
            String type = InboundEvents.text(message, "type");
            String envelopeId = InboundEvents.text(message, "envelope_id");
            if ("hello".equals(type)) {
                hello = true;
                listener.connected();
            } else if ("disconnect".equals(type)) {
                log.info("Slack asked to reconnect (reason: {})", InboundEvents.text(message, "reason"));
                disconnectRequested = true;
                close();
            } else if (envelopeId != null) {
                send(JSON.createObjectNode().put("envelope_id", envelopeId).toString());
                listener.envelope(message);
            } else {
                log.debug("ignoring a Socket Mode message of type {}", type);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            Duration silent = Duration.ofNanos(ticker.nanoTime() - lastPongAt);
            // Java-WebSocket's lost-connection check closes locally with 1006 once no pong came for 1.5x keepAlive.
            if (code == CloseFrame.ABNORMAL_CLOSE && !remote && silent.compareTo(keepAlive) > 0) {
                long millis = silent.toMillis();
                String seconds = millis >= 10_000 ? Long.toString(Math.round(millis / 1000.0))
                        : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
                unanswered = "no answer to pings from " + getURI().getHost() + " for " + seconds + " s; reconnecting";
                log.warn("Socket Mode connection looks dead: {}", unanswered);
            }
            if (error == null && code != 1000) {
                error = "close code " + code;
            }
            ended.countDown();
        }

        @Override
        public void onError(Exception e) {
            error = e.getClass().getSimpleName();
            log.debug("Socket Mode WebSocket error", e);
        }
    }
}
