package dev.switchboard.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard shell --user alice [--url http://127.0.0.1:8080] [--room #general]}: a terminal chat with a
 * running server through its web chat. Logs in like the browser page (password from {@code SWITCHBOARD_PASSWORD},
 * or asked without echo when the server needs one), then each input line is said in the current room;
 * {@code /join #ops} switches rooms and {@code /quit} or end of input leaves, after waiting briefly for the answers
 * still on their way. Exit 0 on leaving, 1 when the connection is lost, 2 when the server cannot be reached or
 * the login fails.
 */
@Command(name = "shell", description = "Chat with a running Switchboard from the terminal (its web chat).")
public final class ShellCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "SWITCHBOARD_PASSWORD";
    private static final Pattern ROOM = Pattern.compile("#[a-z0-9._-]{1,64}|dm:[^\\s]{1,64}");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "The server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = {"-u", "--user"}, required = true, description = "Log in as this web chat user.")
    String user;

    @Option(names = "--room", defaultValue = "#general", paramLabel = "ROOM",
            description = "The room to talk in first (default: ${DEFAULT-VALUE}).")
    String room;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where lines are read from; tests replace it before running. */
    InputStream input = System.in;

    /** How a session ended: the exit code and what to tell the user (null for nothing). */
    private record Ending(int exitCode, String message) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base = ServerLogin.base(url);
        if (base == null) {
            return fail(err, "--url must look like http://127.0.0.1:8080, but was '" + url + "'");
        }
        String first = room(room);
        if (first == null) {
            return fail(err, "--room must be a room like #ops (# then up to 64 of a-z 0-9 . _ -), but was '"
                    + room + "'");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return session(http, new ServerLogin(http, base, JSON), base, first, out, err);
        } finally {
            http.shutdownNow();
        }
    }

    private int session(HttpClient http, ServerLogin server, URI base, String first, PrintWriter out,
            PrintWriter err) {
        String password = "";
        switch (server.probe()) {
            case ServerLogin.Probe.Unreachable unreachable -> {
                return fail(err, unreachable.message());
            }
            case ServerLogin.Probe.Reachable reachable when reachable.passwordRequired() -> {
                password = password(base);
                if (password == null) {
                    return fail(err, base + " needs a password for " + user + ": set " + PASSWORD_VARIABLE
                            + " or run the shell in a terminal to be asked");
                }
            }
            case ServerLogin.Probe.Reachable open -> { } // login by name only (the demo)
        }
        String cookie;
        switch (server.login(user, password)) {
            case ServerLogin.Login.Failed failed -> {
                return fail(err, failed.message());
            }
            case ServerLogin.Login.LoggedIn loggedIn -> cookie = loggedIn.cookie();
        }
        ShellTranscript transcript = new ShellTranscript(JSON, first);
        ShellSocket listener = new ShellSocket(transcript, out);
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(server.chatSocket(), listener).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return fail(err, "cannot open the web chat at " + server.chatSocket() + " (" + cause.getClass()
                    .getSimpleName() + "); is chat.web enabled on the server?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        err.println("connected to " + base + " as " + user + " in " + first
                + "; type to chat, /join #room to switch rooms, /quit to leave");
        err.flush();
        Ending ending = converse(socket, listener, transcript, first, out);
        if (ending.message() != null) {
            synchronized (out) {
                out.println("! " + ending.message());
                out.flush();
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").completeOnTimeout(null, 2, TimeUnit.SECONDS).join();
        socket.abort();
        return ending.exitCode();
    }

    private Ending converse(WebSocket socket, ShellSocket listener, ShellTranscript transcript, String first,
            PrintWriter out) {
        CompletableFuture<Ending> finished = new CompletableFuture<>();
        listener.closed().thenAccept(reason -> finished.complete(new Ending(1, reason)));
        if (!first.equals("#general") && !send(socket, frame("join", first, null))) {
            return new Ending(1, "could not join " + first);
        }
        Thread reader = Thread.ofPlatform().daemon().name("shell-input")
                .start(() -> finished.complete(readLines(socket, listener, transcript, out)));
        try {
            return finished.get();
        } catch (ExecutionException e) {
            return new Ending(1, "the shell failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            return new Ending(1, null);
        }
    }

    private Ending readLines(WebSocket socket, ShellSocket listener, ShellTranscript transcript, PrintWriter out) {
        long expected = transcript.answers();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, inputCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                if (text.equals("/quit") || text.equals("/exit")) {
                    break;
                }
                String problem = text.isEmpty() ? null : say(socket, transcript, text);
                if (problem != null) {
                    synchronized (out) {
                        out.println("! " + problem);
                        out.flush();
                    }
                } else if (!text.isEmpty() && !text.startsWith("/")) {
                    expected++;
                }
            }
            listener.awaitAnswers(expected, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(10));
            return new Ending(0, null);
        } catch (IOException e) {
            return new Ending(1, "cannot read the input: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ending(1, null);
        } catch (IllegalStateException e) {
            return new Ending(1, e.getMessage());
        }
    }

    /** Acts on one typed line; returns what was wrong with it, or null. */
    private String say(WebSocket socket, ShellTranscript transcript, String text) {
        if (text.startsWith("/join")) {
            String next = room(text.substring("/join".length()).strip());
            if (next == null) {
                return "expected /join #room, with a room like #ops (# then up to 64 of a-z 0-9 . _ -)";
            }
            transcript.room(next);
            return send(socket, frame("join", next, null)) ? null : "could not join " + next;
        }
        if (text.startsWith("/")) {
            return "unknown shell command " + text.split("\\s", 2)[0] + "; the shell knows /join #room and /quit";
        }
        if (!send(socket, frame("say", transcript.room(), text))) {
            throw new IllegalStateException("could not send to the server; the connection is gone");
        }
        return null;
    }

    private static boolean send(WebSocket socket, String frame) {
        try {
            socket.sendText(frame, true).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String frame(String type, String room, String text) {
        var frame = JSON.createObjectNode().put("type", type).put("room", room);
        if (text != null) {
            frame.put("text", text);
        }
        return JSON.writeValueAsString(frame);
    }

    /** The room in its canonical (lower-case) form, or null if it is not a room name. */
    static String room(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return ROOM.matcher(lower).matches() ? lower : null;
    }

    private String password(URI base) {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("password for %s at %s: ", user, base);
        return typed == null ? null : new String(typed);
    }

    private static Charset inputCharset() {
        String name = System.getProperty("stdin.encoding");
        return name == null ? Charset.defaultCharset() : Charset.forName(name, Charset.defaultCharset());
    }

    private static int fail(PrintWriter err, String message) {
        err.println("switchboard shell: " + message);
        err.flush();
        return 2;
    }
}
