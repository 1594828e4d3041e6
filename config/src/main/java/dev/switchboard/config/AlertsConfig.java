package dev.switchboard.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code alerts:} section as written: the webhook receivers, where their alerts are posted ({@code routes}, then
 * the {@code defaultRoute}), how much each conversation may be posted to, the Alertmanager to silence on and the
 * escalation services. Plain values checked for shape and range at load time; the app maps them onto the alerts
 * module's types. Immutable; {@code toString} of the parts never shows a secret.
 *
 * @param receivers the configured receivers, in config order; empty when alerts are off
 * @param routes the routes in order (empty when there are no receivers)
 * @param defaultRoute takes every alert no route took; null exactly when there are no receivers
 * @param budget the per-conversation post budget ({@link Budget#DEFAULT} unless set)
 * @param alertmanager the Alertmanager to silence on, or null when not configured
 * @param escalation the paging services ({@link EscalationConfig#NONE} unless set)
 */
public record AlertsConfig(List<AlertReceiverConfig> receivers, List<AlertRouteConfig> routes,
        AlertRouteConfig defaultRoute, Budget budget, AlertmanagerApiConfig alertmanager,
        EscalationConfig escalation) {
    /** The name the default route has in group keys and messages. */
    public static final String DEFAULT_ROUTE = "default";

    /** No {@code alerts:} section: nothing is received, routed or escalated. */
    public static final AlertsConfig NONE = new AlertsConfig(List.of(), List.of(), null, Budget.DEFAULT, null,
            EscalationConfig.NONE);

    public AlertsConfig {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(escalation, "escalation");
        if (receivers.isEmpty() != (defaultRoute == null)) {
            throw new IllegalArgumentException("receivers and the default route go together: both or neither");
        }
        if (defaultRoute != null) {
            if (!defaultRoute.matchers().isEmpty()) {
                throw new IllegalArgumentException("the default route " + defaultRoute.name() + " takes every alert"
                        + " no other route took, so it takes no matchers; found " + defaultRoute.matchers());
            }
            Set<String> names = new HashSet<>();
            names.add(defaultRoute.name());
            for (AlertRouteConfig route : routes) {
                if (!names.add(route.name())) {
                    throw new IllegalArgumentException("two alert routes are named " + route.name()
                            + "; route names must be unique (the default route included)");
                }
            }
        }
    }

    /** True when at least one receiver is configured, so the hook endpoints are served. */
    public boolean enabled() {
        return !receivers.isEmpty();
    }

    /**
     * {@code alerts.budget}: a token bucket per conversation refilled with {@code postsPerSecond} tokens a second,
     * holding at most {@code burst}; new groups that would wait longer than {@code maxDelay} fold into one summary.
     */
    public record Budget(double postsPerSecond, int burst, Duration maxDelay) {
        /** One post or edit a second, no burst, fold after 5 s: Slack's per-channel limit. */
        public static final Budget DEFAULT = new Budget(1.0, 1, Duration.ofSeconds(5));

        public Budget {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (!(postsPerSecond > 0) || postsPerSecond > 1_000) {
                throw new IllegalArgumentException("postsPerSecond must be above 0 and at most 1000, got "
                        + postsPerSecond);
            }
            if (burst < 1 || burst > 100) {
                throw new IllegalArgumentException("burst must be between 1 and 100, got " + burst);
            }
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must be zero or more, got " + maxDelay);
            }
        }
    }
}
