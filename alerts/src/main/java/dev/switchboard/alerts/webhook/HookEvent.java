package dev.switchboard.alerts.webhook;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertStore;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one webhook request, for the audit log ({@code alert_received}) and metrics. Never contains a
 * secret nor the raw body.
 */
public sealed interface HookEvent {
    /** The kind in the URL as given ({@code alertmanager}, {@code grafana}, {@code generic}, or anything sent). */
    String kind();

    /**
     * The request's alerts were stored: {@code alerts} in the order received, what the store did with them, and how
     * many alerts the sender said it left out ({@code truncatedAlerts}, 0 if none).
     */
    record Accepted(String kind, String receiver, List<Alert> alerts, AlertStore.Stored stored, int truncated)
            implements HookEvent {
        public Accepted {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(receiver, "receiver");
            alerts = List.copyOf(alerts);
            Objects.requireNonNull(stored, "stored");
        }
    }

    /**
     * The request was refused with HTTP {@code status} for {@code reason} (the same text the sender got). Nothing
     * was stored. {@code receiver} is null when no receiver matched.
     */
    record Refused(String kind, String receiver, int status, String reason) implements HookEvent {
        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
