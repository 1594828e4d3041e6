package dev.switchboard.config;

import dev.switchboard.alerts.action.AlertmanagerConfig;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import java.util.List;
import java.util.Objects;

/**
 * The {@code alerts:} section: the webhook receivers, where their alerts are posted ({@code routes} with the
 * {@code defaultRoute}), how much each conversation may be posted to, and the Alertmanager to silence on (parsed
 * and validated only; no command uses it yet). Immutable; {@code toString} of the parts never shows a secret.
 *
 * @param receivers the configured receivers, in config order; empty when alerts are off
 * @param routes the routes and default route; null exactly when there are no receivers
 * @param budget the per-conversation post budget ({@link RateBudget#ONE_PER_SECOND} unless set)
 * @param alertmanager the Alertmanager to silence on, or null when not configured
 */
public record AlertsConfig(List<ReceiverConfig> receivers, Routes routes, RateBudget budget,
        AlertmanagerConfig alertmanager) {
    /** No {@code alerts:} section: nothing is received, nothing is routed. */
    public static final AlertsConfig NONE = new AlertsConfig(List.of(), null, RateBudget.ONE_PER_SECOND, null);

    public AlertsConfig {
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(budget, "budget");
        if (receivers.isEmpty() != (routes == null)) {
            throw new IllegalArgumentException("receivers and routes go together: both or neither");
        }
    }

    /** True when at least one receiver is configured, so the hook endpoints are served. */
    public boolean enabled() {
        return !receivers.isEmpty();
    }
}
