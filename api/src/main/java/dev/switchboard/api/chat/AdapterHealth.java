package dev.switchboard.api.chat;

import java.time.Instant;

/**
 * An adapter's connection state, shown in {@code /readyz} and to admins. {@code lastError} is user-safe (no
 * tokens, no URLs with credentials) and null when there was none.
 */
public record AdapterHealth(State state, String lastError, Instant since) {
    /** Connection states; only {@link #CONNECTED} counts as ready. */
    public enum State { STOPPED, CONNECTING, CONNECTED, RECONNECTING, FAILED }

    public static AdapterHealth connected(Instant since) {
        return new AdapterHealth(State.CONNECTED, null, since);
    }

    public boolean ready() {
        return state == State.CONNECTED;
    }
}
