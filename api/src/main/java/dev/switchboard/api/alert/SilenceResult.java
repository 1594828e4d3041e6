package dev.switchboard.api.alert;

import java.util.Objects;

/**
 * What a {@link Silences} call did. {@code create} answers {@link Silenced}, {@link Refused} or {@link Unavailable};
 * {@code find} answers {@link Silenced}, {@link NotFound} or {@link Unavailable}; {@code expire} answers
 * {@link Expired}, {@link NotFound} or {@link Unavailable}. Reasons are safe to show a user: they never hold a
 * secret.
 */
public sealed interface SilenceResult {

    /** The silence as Alertmanager now keeps it. */
    record Silenced(Silence silence) implements SilenceResult {
        public Silenced {
            Objects.requireNonNull(silence, "silence");
        }
    }

    /** The silence {@code id} was expired (it stays listed by Alertmanager, as expired). */
    record Expired(String id) implements SilenceResult {
        public Expired {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Alertmanager knows no silence {@code id}. */
    record NotFound(String id) implements SilenceResult {
        public NotFound {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The request was refused as wrong (a bad matcher, a too long duration, credentials refused): say why. */
    record Refused(String reason) implements SilenceResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Alertmanager could not be reached or failed; trying again later may work. */
    record Unavailable(String reason) implements SilenceResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
