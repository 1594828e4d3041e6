package dev.switchboard.api.alert;

/**
 * One escalation service (PagerDuty Events v2, Opsgenie): pages people about an {@link Escalation} and follows the
 * incident up by its dedup key. Implementations are thread-safe; each call blocks the calling thread while it
 * retries rate limits and server errors within a fixed bound, then answers an {@link EscalationResult} value,
 * never throwing for a failing service. Arguments are never null, except {@code actor}.
 */
public interface Escalations {

    /** The service's name for people ({@code PagerDuty}). */
    String service();

    /** Opens the incident, or adds to the open one with the same dedup key. */
    EscalationResult trigger(Escalation escalation);

    /** Acknowledges incident {@code dedupKey}; {@code actor} (a Switchboard user id, may be null) is who did. */
    EscalationResult acknowledge(String dedupKey, String actor);

    /** Resolves (closes) incident {@code dedupKey}; {@code actor} (may be null) is who did. */
    EscalationResult resolve(String dedupKey, String actor);
}
