package dev.switchboard.app.cli;

import java.io.PrintWriter;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shell's end of the web chat WebSocket: assembles each text frame, prints its lines through the
 * {@link ShellTranscript}, and remembers when the server last spoke, so that leaving can wait for answers still on
 * their way. Callbacks arrive on the HTTP client's threads, one at a time; {@link #awaitAnswers} and
 * {@link #closed()} may be called from any thread.
 */
final class ShellSocket implements WebSocket.Listener {
    private final ShellTranscript transcript;
    private final PrintWriter out;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Object activity = new Object();
    private long lastFrameNanos = System.nanoTime();

    ShellSocket(ShellTranscript transcript, PrintWriter out) {
        this.transcript = transcript;
        this.out = out;
    }

    /** Completes with a reason when the server closes the connection or it fails. */
    CompletableFuture<String> closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            List<String> lines = transcript.lines(partial.toString());
            partial.setLength(0);
            synchronized (out) {
                lines.forEach(out::println);
                out.flush();
            }
            synchronized (activity) {
                lastFrameNanos = System.nanoTime();
                activity.notifyAll();
            }
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete("the server closed the connection" + (reason == null || reason.isBlank() ? "" : ": " + reason));
        wake();
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete("the connection was lost (" + error.getClass().getSimpleName() + ")");
        wake();
    }

    /**
     * Waits until at least {@code answers} answers have arrived and the server has then been quiet for
     * {@code quiet}, or it has been quiet for {@code patience} whatever the count, or {@code atMost} has passed,
     * or the connection closed. Lets piped input ({@code echo status | switchboard shell ...}) see its replies.
     */
    void awaitAnswers(long answers, Duration quiet, Duration patience, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (activity) {
            while (!closed.isDone()) {
                long now = System.nanoTime();
                long silence = now - lastFrameNanos;
                boolean answered = transcript.answers() >= answers;
                long needed = answered ? quiet.toNanos() : patience.toNanos();
                if (silence >= needed || now >= deadline) {
                    return;
                }
                long waitNanos = Math.min(needed - silence, deadline - now);
                activity.wait(Math.max(1, waitNanos / 1_000_000));
            }
        }
    }

    private void wake() {
        synchronized (activity) {
            activity.notifyAll();
        }
    }
}
