package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A person on IRC over a raw socket: registers a nick, joins channels, says lines, and keeps every
 * {@code PRIVMSG} it sees as {@code "<from> <target> :<text>"}. Answers the server's {@code PING}. Lines arrive on a
 * virtual thread; the recording is thread-safe; drive it from the test thread.
 */
final class IrcPerson implements AutoCloseable {
    private final String nick;
    private final Socket socket;
    private final Writer out;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private IrcPerson(String nick, Socket socket) throws IOException {
        this.nick = nick;
        this.socket = socket;
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("irc-person-" + nick).start(() -> read(in));
    }

    /** Connects and registers; waits (bounded) for the welcome. */
    static IrcPerson connect(String host, int port, String nick) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            IrcPerson person = new IrcPerson(nick, socket);
            person.send("NICK " + nick);
            person.send("USER " + nick + " 0 * :" + nick);
            await().atMost(WebChatClient.WAIT).until(() -> person.lines.stream().anyMatch(l -> l.contains(" 001 ")));
            return person;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach IRC at " + host + ":" + port, e);
        }
    }

    /** Joins a channel and waits until the server confirmed it. */
    IrcPerson join(String channel) {
        send("JOIN " + channel);
        await().atMost(WebChatClient.WAIT).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith(":" + nick + "!") && l.contains(" JOIN ") && l.contains(channel)));
        return this;
    }

    void say(String target, String text) {
        send("PRIVMSG " + target + " :" + text);
    }

    /** Whether {@code nick} is in {@code channel} now (asked with NAMES, answered within the wait). */
    boolean sees(String channel, String other) {
        int before = lines.size();
        send("NAMES " + channel);
        await().atMost(WebChatClient.WAIT).until(() -> lines.stream().skip(before).anyMatch(l -> l.contains(" 366 ")));
        return lines.stream().skip(before).filter(l -> l.contains(" 353 "))
                .anyMatch(l -> List.of(l.substring(l.lastIndexOf(':') + 1).split(" ")).stream()
                        .anyMatch(n -> n.replaceFirst("^[@+%~&]", "").equalsIgnoreCase(other)));
    }

    /** Every PRIVMSG seen, as {@code "<from> <target> :<text>"}. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        try {
            send("QUIT :bye");
            socket.close();
        } catch (IOException | UncheckedIOException e) {
            // already gone
        }
    }

    private synchronized void send(String line) {
        try {
            out.write(line + "\r\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("IRC person " + nick + " could not send", e);
        }
    }

    private void read(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
                String[] parts = line.split(" ", 4);
                if (parts.length == 4 && parts[1].equals("PRIVMSG")) {
                    String from = parts[0].substring(1).split("!", 2)[0];
                    messages.add(from + " " + parts[2] + " " + parts[3]);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the socket closed
        }
    }
}
