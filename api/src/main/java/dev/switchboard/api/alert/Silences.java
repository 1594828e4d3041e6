package dev.switchboard.api.alert;

/**
 * Alertmanager silences, created from chat ({@code silence <matchers> for 2h}) and recorded with who asked.
 * Implementations are thread-safe; each call blocks the calling thread for at most its configured timeout and
 * answers a {@link SilenceResult} value, never throwing for an unreachable or refusing Alertmanager. Arguments are
 * never null.
 */
public interface Silences {

    /** Creates a silence starting now; {@link SilenceResult.Silenced} holds its id and window. */
    SilenceResult create(SilenceRequest request);

    /** The silence {@code id} as it is now. */
    SilenceResult find(String id);

    /** Ends the silence {@code id} now, so the alerts it muted notify again. */
    SilenceResult expire(String id);
}
