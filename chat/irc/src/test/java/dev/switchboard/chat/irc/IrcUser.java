package dev.switchboard.chat.irc;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A person on IRC for tests: a raw-socket client that registers, joins channels and records every PRIVMSG it
 * sees, per conversation ({@code #ops} for channel lines, {@code dm:<nick>} for private lines from that nick).
 */
final class IrcUser implements AutoCloseable {
    private final String nick;
    private final Socket socket;
    private final OutputStream out;
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private volatile boolean registered;

    private IrcUser(String nick, Socket socket) throws IOException {
        this.nick = nick;
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().name("irc-user-" + nick).start(this::read);
    }

    static IrcUser connect(String host, int port, String nick) {
        try {
            IrcUser user = new IrcUser(nick, new Socket(host, port));
            user.send("NICK " + nick);
            user.send("USER " + nick + " 0 * :test user " + nick);
            await().atMost(Duration.ofSeconds(10)).until(() -> user.registered);
            return user;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect " + nick + " to " + host + ":" + port, e);
        }
    }

    String nick() {
        return nick;
    }

    IrcUser join(String channel) {
        send("JOIN " + channel);
        await().atMost(Duration.ofSeconds(10)).until(() -> joined.contains(channel.toLowerCase(Locale.ROOT)));
        return this;
    }

    void say(String target, String text) {
        send("PRIVMSG " + target + " :" + text);
    }

    /** What this user saw in a conversation ({@code #ops} or {@code dm:<nick>}), oldest first. */
    List<String> seen(String conversation) {
        return List.copyOf(seen.getOrDefault(conversation.toLowerCase(Locale.ROOT), List.of()));
    }

    /** Raw lines from the server, for assertions on what went over the wire. */
    List<String> raw() {
        return List.copyOf(raw);
    }

    void send(String line) {
        try {
            synchronized (out) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException(nick + " could not send: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            send("QUIT :bye");
        } catch (IllegalStateException e) {
            // already disconnected
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                raw.add(line);
                handle(line);
            }
        } catch (IOException e) {
            // socket closed
        }
    }

    private void handle(String line) {
        String prefix = "";
        String rest = line;
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            prefix = rest.substring(1, space);
            rest = rest.substring(space + 1);
        }
        String[] parts = rest.split(" ", 3);
        String from = prefix.contains("!") ? prefix.substring(0, prefix.indexOf('!')) : prefix;
        switch (parts[0]) {
            case "PING" -> send("PONG " + parts[1]);
            case "001" -> registered = true;
            case "366" -> joined.add(parts[2].split(" ")[0].toLowerCase(Locale.ROOT));
            case "PRIVMSG" -> {
                String target = parts[1];
                String text = parts[2].startsWith(":") ? parts[2].substring(1) : parts[2];
                String conversation = IrcTargets.isChannel(target) ? target : IrcTargets.direct(from);
                seen.computeIfAbsent(conversation.toLowerCase(Locale.ROOT), c -> new CopyOnWriteArrayList<>()).add(text);
            }
            default -> { }
        }
    }
}
