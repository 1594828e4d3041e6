package dev.switchboard.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A baseline bot with no engine, no audit and no IRC library: one raw socket that answers {@code !echo X} in a
 * channel and {@code echo X} in private with {@code X}, straight from its reader thread. What the same driver
 * measures against it is the ceiling of the server and the driver on this machine ({@code --bot raw}). Started by
 * {@link #start}; {@link #close()} disconnects.
 */
final class RawEchoBot implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final CountDownLatch ready = new CountDownLatch(1);

    private RawEchoBot(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** Connects as {@code nick}, joins {@code channel} and waits (at most 10 s) until it is in. */
    static RawEchoBot start(String host, int port, String nick, String channel) throws IOException, InterruptedException {
        Socket socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        RawEchoBot bot = new RawEchoBot(socket);
        Thread.ofPlatform().daemon().name("raw-echo-bot").start(bot::read);
        bot.write("NICK " + nick + "\r\nUSER " + nick + " 0 * :raw echo\r\nJOIN " + channel + "\r\n");
        if (!bot.ready.await(10, TimeUnit.SECONDS)) {
            bot.close();
            throw new IllegalStateException("the raw echo bot could not join " + channel + " within 10 s");
        }
        return bot;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                handle(line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void handle(String line) throws IOException {
        if (line.startsWith("PING ")) {
            write("PONG " + line.substring(5) + "\r\n");
            return;
        }
        int command = line.indexOf(" PRIVMSG ");
        if (command < 0) {
            if (line.contains(" 366 ")) {
                ready.countDown();
            }
            return;
        }
        String nick = line.substring(1, line.indexOf('!'));
        int targetEnd = line.indexOf(' ', command + 9);
        String target = line.substring(command + 9, targetEnd);
        String text = line.substring(targetEnd + 2);
        boolean channel = target.startsWith("#");
        String prefix = channel ? "!echo " : "echo ";
        if (text.startsWith(prefix)) {
            write("PRIVMSG " + (channel ? target : nick) + " :" + text.substring(prefix.length()) + "\r\n");
        }
    }

    private void write(String lines) throws IOException {
        synchronized (out) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
