package dev.switchboard.chat.mattermost;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Mattermost event WebSocket, kept open by one virtual thread: ask {@code users/me} who the bot is, open
 * {@code /api/v4/websocket}, answer with an {@code authentication_challenge} (the token travels only in that frame),
 * then hand every event to the {@link Listener}. When the connection ends it reconnects with capped, jittered
 * backoff, asking to resume with the last {@code connection_id} and {@code sequence_number} so the server can replay
 * what was missed. It pings every {@link MattermostSettings#keepAlive()}; a failed ping or a connection silent for
 * 2.5 times that is dropped and made again (the JDK client does not always notice a peer's end-of-stream).
 *
 * <p>Listener methods are called from the socket's threads, one at a time, in event order.
 */
final class MattermostSocket {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(20);
    private static final int CHALLENGE_SEQ = 1;
    private static final Logger log = LoggerFactory.getLogger(MattermostSocket.class);

    /** What the adapter hears from the socket. */
    interface Listener {
        /** Authenticated; events for {@code bot} follow. */
        void connected(BotAccount bot);

        /** The connection is gone or could not be made; {@code failedAttempts} in a row, 1 after a working one. */
        void down(String why, int failedAttempts);

        void event(JsonNode event, BotAccount bot);
    }

    private final MattermostSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final MattermostRest rest;
    private final Backoff backoff;
    private final Listener listener;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile WebSocket current;
    private volatile Connection connection;
    private volatile Thread loop;
    private String connectionId = "";
    private long nextSeq;

    MattermostSocket(MattermostSettings settings, HttpClient http, ObjectMapper json, MattermostRest rest,
            Backoff backoff, Listener listener) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.rest = rest;
        this.backoff = backoff;
        this.listener = listener;
    }

    void start() {
        loop = Thread.ofVirtual().name("mattermost-socket").start(this::keepConnected);
    }

    void close() {
        closed.countDown();
        Connection live = connection;
        if (live != null) {
            live.ended.complete("closed");
        }
        WebSocket socket = current;
        if (socket != null) {
            socket.abort();
        }
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void keepConnected() {
        int failures = 0;
        while (!isClosed()) {
            Connection attempt = new Connection();
            connection = attempt;
            if (isClosed()) {
                return;
            }
            String why = attempt.run();
            if (isClosed()) {
                return;
            }
            failures = attempt.authenticated ? 1 : failures + 1;
            log.warn("Mattermost connection down (attempt {}): {}", failures, why);
            listener.down(why, failures);
            try {
                if (closed.await(backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One connection attempt, from users/me to the socket's end. */
    private final class Connection implements WebSocket.Listener {
        private final CompletableFuture<String> ended = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile long lastHeard = System.nanoTime();
        private volatile boolean authenticated;
        private BotAccount bot;

        /** Returns why the connection ended (user-safe). */
        String run() {
            switch (rest.me()) {
                case RestResult.Ok ok -> bot = new BotAccount(ok.body().path("id").asString(""),
                        ok.body().path("username").asString(""));
                case RestResult.Refused r -> {
                    return r.status() == 401 ? "the Mattermost server refused the bot token (401); check it" : r.why();
                }
                case RestResult.Unavailable u -> {
                    return u.why();
                }
                case RestResult.RateLimited r -> {
                    return "GET /api/v4/users/me was rate-limited";
                }
            }
            if (bot.id().isEmpty() || bot.username().isEmpty()) {
                return "GET /api/v4/users/me did not name the bot's id and username";
            }
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().connectTimeout(OPEN_TIMEOUT).buildAsync(resumeUri(), this)
                        .get(OPEN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                return "could not open the Mattermost WebSocket: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            current = socket;
            if (isClosed()) {
                socket.abort();
                return "closed";
            }
            String challenge = json.createObjectNode().put("seq", CHALLENGE_SEQ).put("action", "authentication_challenge")
                    .set("data", json.createObjectNode().put("token", settings.botToken())).toString();
            socket.sendText(challenge, true);
            String why = awaitEnd(socket);
            socket.abort();
            return why;
        }

        private String awaitEnd(WebSocket socket) {
            while (true) {
                try {
                    return ended.get(settings.keepAlive().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Duration silence = settings.keepAlive().multipliedBy(5).dividedBy(2);
                    if (System.nanoTime() - lastHeard > silence.toNanos()) {
                        socket.abort();
                        return "the Mattermost WebSocket was silent for " + silence.toMillis() + " ms";
                    }
                    socket.sendPing(ByteBuffer.allocate(0)).whenComplete((ws, failure) -> {
                        if (failure != null) {
                            ended.complete("the Mattermost WebSocket could not send a ping: "
                                    + failure.getClass().getSimpleName());
                        }
                    });
                } catch (ExecutionException e) {
                    return "WebSocket failure: " + e.getCause().getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    socket.abort();
                    return "interrupted";
                }
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            // Ask for the next frame first: the JDK stops reading while demand is zero, and a peer's end-of-stream
            // arriving then may go unnoticed.
            webSocket.request(1);
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(webSocket, text);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete("the Mattermost server closed the WebSocket (" + statusCode + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete("the Mattermost WebSocket failed: " + error.getClass().getSimpleName());
        }

        private void handle(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (JacksonException e) {
                log.warn("ignoring a WebSocket frame that is not JSON ({} chars)", text.length());
                return;
            }
            if (message.has("seq_reply")) {
                if (message.path("seq_reply").asLong() == CHALLENGE_SEQ) {
                    if ("OK".equals(message.path("status").asString(""))) {
                        markAuthenticated();
                    } else {
                        ended.complete("the Mattermost server refused the WebSocket authentication; check the token");
                        webSocket.abort();
                    }
                }
                return;
            }
            String event = message.path("event").asString("");
            long seq = message.path("seq").asLong(-1);
            if ("hello".equals(event)) {
                String id = message.path("data").path("connection_id").asString("");
                if (!id.equals(connectionId)) {
                    connectionId = id;
                    nextSeq = seq + 1;
                }
                markAuthenticated();
                return;
            }
            if (seq >= 0) {
                if (seq < nextSeq) {
                    return; // replayed after a resume, already handed on
                }
                if (seq != nextSeq && nextSeq != 0) {
                    log.warn("Mattermost events {}..{} were missed", nextSeq, seq - 1);
                }
                nextSeq = seq + 1;
            }
            if (!event.isEmpty()) {
                listener.event(message, bot);
            }
        }

        private void markAuthenticated() {
            if (!authenticated) {
                authenticated = true;
                listener.connected(bot);
            }
        }
    }

    private URI resumeUri() {
        URI base = settings.effectiveWebsocketUrl();
        if (connectionId.isEmpty()) {
            return base;
        }
        String query = "connection_id=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
                + "&sequence_number=" + nextSeq;
        return URI.create(base + (base.getRawQuery() == null ? "?" : "&") + query);
    }
}
