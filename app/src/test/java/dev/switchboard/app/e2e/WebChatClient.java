package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab without the browser: logs in with {@code POST /login} ({@link BrowserHttp}), opens
 * {@code /chat/ws} with the session cookie and speaks the web chat's frames (see chat/web/README.md). Every frame is
 * kept; messages are tracked by id with each version of their text (as posted, then after each edit), as plain text
 * the way a person reads it.
 * Waits are bounded by {@link #WAIT}. Thread-safe: frames arrive on the HTTP client's threads.
 */
final class WebChatClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String BOT = "switchboard";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message as the tab shows it: every version of its plain text, oldest first. */
    record Message(String room, String id, String from, List<String> versions) {
        String latest() {
            return versions.getLast();
        }
    }

    private final String user;
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile String room = "#general";
    private volatile int saidAt;
    private volatile String said = "";

    private WebChatClient(String user) {
        this.user = user;
    }

    /** Logs in and opens the chat; fails the test if either does not work. */
    static WebChatClient connect(int port, String user, String password) {
        HttpResponse<String> login = BrowserHttp.login(port, user, password);
        assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        WebChatClient client = new WebChatClient(user);
        client.socket = BrowserHttp.openSocket(port, Optional.of(cookie), client.listener()).join();
        waiting().until(() -> client.frames.stream().anyMatch(f -> f.contains("\"welcome\"")));
        return client;
    }

    /** Joins a room, waits for its history, and makes it the room {@link #say} speaks in. */
    WebChatClient join(String name) {
        int before = frames.size();
        sendFrame(JSON.createObjectNode().put("type", "join").put("room", name));
        room = name;
        // a sub-list of a CopyOnWriteArrayList breaks when a frame arrives while it is read; skip instead
        waiting().until(() -> frames.stream().skip(before)
                .anyMatch(f -> f.contains("\"history\"") && f.contains("\"room\":\"" + name + "\"")));
        return this;
    }

    /** Types a line in the current room; later waits look at the bot's messages from now on. */
    void say(String text) {
        saidAt = messages.size();
        said = text.strip();
        sendFrame(JSON.createObjectNode().put("type", "say").put("room", room).put("text", text));
    }

    /** Sends a raw text frame, exactly as given. */
    void sendRaw(String frame) {
        socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends a frame the server is expected to refuse by closing the socket, possibly while it is still arriving. */
    void sendRefusedFrame(String frame) {
        socket.sendText(frame, true).handle((ws, error) -> null).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Says {@code text} and returns the latest text of the first bot message after it that matches {@code regex}. */
    String ask(String text, String regex) {
        say(text);
        return awaitBot(regex).latest();
    }

    /**
     * The first bot message in the current room after this tab's last said line (as echoed to the room) that showed
     * a text matching {@code regex} (find, dot-all) in any version, since an ack may be edited before a poll sees
     * it. Messages of other people's commands that arrive in between are not mistaken for the answer, because the
     * bot answers after the echo.
     */
    Message awaitBot(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        try {
            return waiting().until(() -> botMessagesSinceSay().stream()
                    .filter(m -> m.versions().stream().anyMatch(v -> pattern.matcher(v).find())).findFirst()
                    .orElse(null), m -> m != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no bot message matching /" + regex + "/ after " + user + " said \""
                    + said + "\" in " + room + "; the bot said: " + botMessagesSinceSay(), e);
        }
    }

    /** The first bot message in the current room, whenever it was posted, whose latest text matches. */
    Message awaitPosted(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        try {
            return waiting().until(() -> messagesIn(room).stream().filter(m -> m.from().equals(BOT))
                    .filter(m -> pattern.matcher(m.latest()).find()).findFirst().orElse(null), m -> m != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no bot message matching /" + regex + "/ in " + room + "; seen: "
                    + messagesIn(room), e);
        }
    }

    /** The latest text of message {@code id} once it matches {@code regex} (edits included). */
    String awaitLatest(String id, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        try {
            return waiting().until(() -> message(id).map(Message::latest).orElse(""),
                    text -> pattern.matcher(text).find());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("message " + id + " never matched /" + regex + "/; its versions: "
                    + versions(id), e);
        }
    }

    /** The job number a bot message names ({@code job 12}); fails the test if it names none. */
    static long jobIdIn(String text) {
        Matcher m = Pattern.compile("job (\\d+)").matcher(text);
        assertThat(m.find()).as("a job number in: " + text).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Says {@code text} and returns the ack of the job it started: the message whose id later edits update. */
    Message startJob(String text) {
        say(text);
        return awaitBot("⏳ .* as job \\d+");
    }

    /** Every version of message {@code id}'s text so far. */
    List<String> versions(String id) {
        return message(id).map(Message::versions).orElse(List.of());
    }

    /** The bot's messages in the current room after the echo of this tab's last said line, oldest first. */
    List<Message> botMessagesSinceSay() {
        List<Message> all = List.copyOf(messages);
        for (int i = Math.min(saidAt, all.size()); i < all.size(); i++) {
            Message m = all.get(i);
            if (m.from().equals(user) && m.room().equals(room) && m.latest().equals(said)) {
                return all.subList(i + 1, all.size()).stream()
                        .filter(b -> b.from().equals(BOT) && b.room().equals(room)).toList();
            }
        }
        return List.of();
    }

    /** Every message seen in a room (history included), oldest first. */
    List<Message> messagesIn(String name) {
        return messages.stream().filter(m -> m.room().equals(name)).toList();
    }


    /** Every frame received so far, raw. */
    List<String> frames() {
        return List.copyOf(frames);
    }

    /** The close status and reason once the server closed the socket. */
    CompletableFuture<String> closedBy() {
        return closed;
    }

    /** Fails if anything this tab was shown looks like a Java exception or a stack trace. */
    void assertSawNoJavaInternals() {
        for (String frame : frames) {
            assertThat(frame).as("a frame shown to " + user).doesNotContain("Exception").doesNotContain("\\tat ");
        }
        for (Message m : messages) {
            for (String text : m.versions()) {
                assertThat(text).as("a message shown to " + user).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    String user() {
        return user;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }

    /** A bounded wait that looks often: replies usually come within milliseconds. */
    static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private Optional<Message> message(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private void sendFrame(ObjectNode frame) {
        sendRaw(JSON.writeValueAsString(frame));
    }

    private synchronized void received(String frame) {
        frames.add(frame);
        JsonNode node = JSON.readTree(frame);
        String type = text(node, "type");
        String in = text(node, "room");
        switch (type) {
            case "message" -> add(in, node);
            case "history" -> node.path("messages").values().forEach(m -> {
                if (message(text(m, "id")).isEmpty()) {
                    add(in, m);
                }
            });
            case "edit" -> message(text(node, "id")).ifPresent(m -> {
                List<String> versions = new ArrayList<>(m.versions());
                versions.add(PlainText.of(node.path("reply")));
                messages.set(messages.indexOf(m), new Message(m.room(), m.id(), m.from(), List.copyOf(versions)));
            });
            default -> { }
        }
    }

    private void add(String in, JsonNode m) {
        Message message = new Message(in, text(m, "id"), text(m, "from"), List.of(PlainText.of(m.path("reply"))));
        messages.add(message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closed.complete(status + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete("error " + error);
            }
        };
    }
}
