package dev.switchboard.chat.irc;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices a silently dead connection: a socket that stays open while the server says nothing (a hung server, a
 * dropped NAT entry, a cable pulled somewhere in between). After {@code keepAlive} without a received line it asks for
 * one {@code PING}; after {@value #DEAD_AFTER}× {@code keepAlive} of silence the connection counts as dead, which
 * leaves the server 1.5× {@code keepAlive} to answer that ping.
 *
 * <p>{@link #received()} is called for every line from the server (cheap: one volatile write); {@link #check()} by a
 * periodic ticker. Time comes from {@code nanoTime}, so tests drive it by hand. Thread-safe.
 */
final class KeepAlive {
    /** Silence, in multiples of {@code keepAlive}, after which the connection is dead. */
    static final double DEAD_AFTER = 2.5;

    /** What the ticker should do now. */
    sealed interface Step {
        /** Traffic is recent enough (or a ping is already out): nothing to do. */
        record Wait() implements Step {}

        /** Quiet for {@code keepAlive}: send {@code PING :token}. */
        record Ping(String token) implements Step {}

        /** Nothing received for {@code silent}: close the connection and reconnect. */
        record Dead(Duration silent) implements Step {}
    }

    private final LongSupplier nanoTime;
    private final long keepAliveNanos;
    private final long deadNanos;
    private volatile long lastReceivedAt;
    private long pingedAt;
    private long pings;
    private boolean watching;

    KeepAlive(Duration keepAlive, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.keepAliveNanos = keepAlive.toNanos();
        this.deadNanos = (long) (keepAliveNanos * DEAD_AFTER);
    }

    /** A connection is open: watch it from now, as if the server had just spoken. */
    synchronized void opened() {
        lastReceivedAt = nanoTime.getAsLong();
        pingedAt = Long.MIN_VALUE;
        watching = true;
    }

    /** The connection is gone (or given up on): nothing to watch until the next {@link #opened()}. */
    synchronized void closed() {
        watching = false;
    }

    /** The server sent a line. */
    void received() {
        lastReceivedAt = nanoTime.getAsLong();
    }

    /** What to do now; after a {@link Step.Dead} it answers {@link Step.Wait} until the next {@link #opened()}. */
    synchronized Step check() {
        if (!watching) {
            return new Step.Wait();
        }
        long now = nanoTime.getAsLong();
        long last = lastReceivedAt;
        long silent = now - last;
        if (silent >= deadNanos) {
            watching = false;
            return new Step.Dead(Duration.ofNanos(silent));
        }
        // One ping per silence: a new one only once something arrived after the last.
        if (silent >= keepAliveNanos && (pingedAt == Long.MIN_VALUE || pingedAt - last <= 0)) {
            pingedAt = now;
            return new Step.Ping("sb-alive-" + ++pings);
        }
        return new Step.Wait();
    }

    /** How often the ticker should call {@link #check()}: often enough to act within a tenth of {@code keepAlive}. */
    Duration tick() {
        return Duration.ofNanos(Math.max(keepAliveNanos / 10, Duration.ofMillis(10).toNanos()));
    }

    /** A user-safe line for health and logs, e.g. {@code no traffic from irc.example:6697 for 150 s; reconnecting}. */
    static String describe(String host, int port, Duration silent) {
        long millis = silent.toMillis();
        String amount = millis >= 10_000 ? Long.toString(Math.round(millis / 1000.0))
                : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
        return "no traffic from " + host + ":" + port + " for " + amount + " s; reconnecting";
    }
}
