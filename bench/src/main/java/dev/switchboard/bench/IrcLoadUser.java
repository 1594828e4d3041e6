package dev.switchboard.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One person of the IRC load: a raw-socket client (no IRC library, so the driver stays cheap) that registers,
 * joins a channel, sends {@code PRIVMSG}s and hands every line the bot sends it (in the channel or privately) to a
 * {@link Replies} with the time it was read. Answers the server's {@code PING}. Writes are thread-safe; the reader
 * runs on its own virtual thread.
 */
final class IrcLoadUser implements AutoCloseable {
    /** Receives the text of each line the bot sent, on the user's reader thread. */
    @FunctionalInterface
    interface Replies {
        void reply(String text, long receivedNanos);
    }

    private final String nick;
    private final Socket socket;
    private final OutputStream out;
    private final String fromBot;
    private final Replies replies;
    private final CountDownLatch registered = new CountDownLatch(1);
    private volatile CountDownLatch joined = new CountDownLatch(1);

    private IrcLoadUser(String nick, Socket socket, String botNick, Replies replies) throws IOException {
        this.nick = nick;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.fromBot = ":" + botNick + "!";
        this.replies = replies;
        Thread.ofVirtual().name("irc-load-" + nick).start(this::read);
    }

    /** Connects and registers as {@code nick}, waiting at most {@code timeout} for the welcome. */
    static IrcLoadUser connect(String host, int port, String nick, String botNick, Replies replies, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            IrcLoadUser user = new IrcLoadUser(nick, socket, botNick, replies);
            user.sendAll(List.of("NICK " + nick, "USER " + nick + " 0 * :load " + nick));
            if (!user.registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                user.close();
                throw new IllegalStateException(nick + " was not welcomed by " + host + ":" + port + " within " + timeout);
            }
            return user;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new IllegalStateException("cannot connect " + nick + " to " + host + ":" + port + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(socket);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting " + nick, e);
        }
    }

    String nick() {
        return nick;
    }

    /** Joins {@code channel}, waiting at most {@code timeout} for the end of its names list. */
    void join(String channel, Duration timeout) throws InterruptedException {
        joined = new CountDownLatch(1);
        sendAll(List.of("JOIN " + channel));
        if (!joined.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(nick + " could not join " + channel + " within " + timeout);
        }
    }

    /** Sends one message to a channel or nick. */
    void say(String target, String text) {
        sendAll(List.of("PRIVMSG " + target + " :" + text));
    }

    /** Sends several messages in one write, as a fast typist or a paste would. */
    void sayAll(String target, List<String> texts) {
        sendAll(texts.stream().map(text -> "PRIVMSG " + target + " :" + text).toList());
    }

    private void sendAll(List<String> lines) {
        try {
            synchronized (out) {
                for (String line : lines) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException(nick + " could not send: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            sendAll(List.of("QUIT :done"));
        } catch (IllegalStateException e) {
            // already gone; closing anyway
        }
        closeQuietly(socket);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                handle(line, System.nanoTime());
            }
        } catch (IOException e) {
            // the socket was closed
        }
    }

    private void handle(String line, long now) {
        if (line.startsWith(fromBot)) {
            int command = line.indexOf(" PRIVMSG ");
            int text = command < 0 ? -1 : line.indexOf(" :", command + 9);
            if (text > 0) {
                replies.reply(line.substring(text + 2), now);
            }
            return;
        }
        if (line.startsWith("PING ")) {
            sendAll(List.of("PONG " + line.substring(5)));
            return;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length >= 2) {
            switch (parts[1]) {
                case "001" -> registered.countDown();
                case "366" -> joined.countDown();
                default -> { }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
