package dev.switchboard.api.alert;

import java.util.Objects;

/**
 * What one {@link Escalations} call did. Reasons are safe to show a user: they never hold an API key.
 */
public sealed interface EscalationResult {

    /** The service took the event for incident {@code dedupKey}. */
    record Sent(String dedupKey) implements EscalationResult {
        public Sent {
            Objects.requireNonNull(dedupKey, "dedupKey");
        }
    }

    /** The service refused the event as wrong (invalid event, key refused); sending it again will not help. */
    record Rejected(String reason) implements EscalationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The service could not be reached, kept failing or kept rate-limiting within the retry bound. */
    record Unavailable(String reason) implements EscalationResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
