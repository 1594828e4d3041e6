package dev.switchboard.app.wiring;

import dev.switchboard.alerts.action.AlertmanagerAuth;
import dev.switchboard.alerts.action.AlertmanagerConfig;
import dev.switchboard.alerts.action.OpsgenieConfig;
import dev.switchboard.alerts.action.OpsgenieEscalation;
import dev.switchboard.alerts.action.PagerDutyConfig;
import dev.switchboard.alerts.action.PagerDutyEscalation;
import dev.switchboard.alerts.routing.GroupBy;
import dev.switchboard.alerts.routing.LabelMatcher;
import dev.switchboard.alerts.routing.QuietHours;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.alerts.webhook.GenericMapping;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import dev.switchboard.alerts.webhook.ReceiverKind;
import dev.switchboard.alerts.webhook.WebhookAuth;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.Escalations;
import dev.switchboard.config.AlertReceiverConfig;
import dev.switchboard.config.AlertRouteConfig;
import dev.switchboard.config.AlertmanagerApiConfig;
import dev.switchboard.config.AlertsConfig;
import dev.switchboard.config.EscalationConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code alerts:} config records onto the alerts module's types: receivers, routes, the budget, the
 * Alertmanager to silence on and the escalation services. The config was checked when loaded, so these only fail
 * (with {@link IllegalArgumentException}) where the alerts types are stricter than the config. Stateless.
 */
final class AlertSetup {
    private AlertSetup() {}

    /** The webhook receivers, in config order. */
    static List<ReceiverConfig> receivers(AlertsConfig alerts) {
        return alerts.receivers().stream().map(AlertSetup::receiver).toList();
    }

    /** The routes and the default route; only for a config with receivers ({@link AlertsConfig#enabled()}). */
    static Routes routes(AlertsConfig alerts) {
        if (!alerts.enabled()) {
            throw new IllegalStateException("alerts are not configured: no receivers, so no routes");
        }
        return new Routes(alerts.routes().stream().map(AlertSetup::route).toList(), route(alerts.defaultRoute()));
    }

    static RateBudget budget(AlertsConfig alerts) {
        AlertsConfig.Budget b = alerts.budget();
        return new RateBudget(b.postsPerSecond(), b.burst(), b.maxDelay());
    }

    /** The Alertmanager to silence on, if configured. */
    static Optional<AlertmanagerConfig> alertmanager(AlertsConfig alerts) {
        AlertmanagerApiConfig am = alerts.alertmanager();
        if (am == null) {
            return Optional.empty();
        }
        AlertmanagerAuth auth = switch (am.auth()) {
            case AlertmanagerApiConfig.Auth.None none -> new AlertmanagerAuth.None();
            case AlertmanagerApiConfig.Auth.Basic basic -> new AlertmanagerAuth.Basic(basic.user(), basic.password());
            case AlertmanagerApiConfig.Auth.Bearer bearer -> new AlertmanagerAuth.Bearer(bearer.token());
        };
        return Optional.of(AlertmanagerConfig.of(am.url()).withAuth(auth));
    }

    /**
     * The escalation services of {@code alerts.escalation.services} by name, in config order, each a PagerDuty
     * Events v2 or Opsgenie client with the default timeout and retries; empty when none is configured. The name
     * {@code escalate} uses when given none is {@code alerts.escalation().defaultService()}.
     */
    static Map<String, Escalations> escalations(AlertsConfig alerts) {
        Map<String, Escalations> services = new LinkedHashMap<>();
        alerts.escalation().services().forEach((name, service) -> services.put(name, escalation(service)));
        return services;
    }

    private static Escalations escalation(EscalationConfig.Service service) {
        return switch (service.kind()) {
            case PAGERDUTY -> {
                PagerDutyConfig base = PagerDutyConfig.of(service.key());
                yield new PagerDutyEscalation(service.url() == null ? base : new PagerDutyConfig(service.url(),
                        base.routingKey(), base.timeout(), base.retry()));
            }
            case OPSGENIE -> {
                OpsgenieConfig base = OpsgenieConfig.of(service.key());
                yield new OpsgenieEscalation(service.url() == null ? base : new OpsgenieConfig(service.url(),
                        base.apiKey(), base.timeout(), base.retry()));
            }
        };
    }

    private static ReceiverConfig receiver(AlertReceiverConfig r) {
        WebhookAuth auth = switch (r.auth()) {
            case AlertReceiverConfig.Auth.Bearer bearer -> new WebhookAuth.Bearer(bearer.token());
            case AlertReceiverConfig.Auth.Hmac hmac -> new WebhookAuth.Hmac(hmac.header(),
                    WebhookAuth.Algorithm.valueOf(hmac.algorithm().toUpperCase(Locale.ROOT)), hmac.secret(),
                    hmac.prefix());
        };
        ReceiverKind kind = switch (r.kind()) {
            case ALERTMANAGER -> ReceiverKind.ALERTMANAGER;
            case GRAFANA -> ReceiverKind.GRAFANA;
            case GENERIC -> ReceiverKind.GENERIC;
        };
        return new ReceiverConfig(r.name(), kind, auth, r.maxBytes(), r.mapping() == null ? null : mapping(r.mapping()));
    }

    private static GenericMapping mapping(AlertReceiverConfig.Mapping m) {
        Map<String, Alert.Status> values = new LinkedHashMap<>();
        m.statusValues().forEach((sent, meant) -> values.put(sent, Alert.Status.valueOf(meant.toUpperCase(Locale.ROOT))));
        return new GenericMapping(m.alerts(), m.name(), m.status(), values, m.severity(), m.labels(), m.fingerprint(),
                m.summary(), m.links(), m.startsAt(), m.endsAt());
    }

    static Route route(AlertRouteConfig r) {
        List<LabelMatcher> matchers = r.matchers().stream().map(m -> new LabelMatcher(m.label(), op(m.op()),
                m.value())).toList();
        AlertRouteConfig.QuietHours q = r.quietHours();
        QuietHours quiet = q == null ? null : new QuietHours(q.days(), q.from(), q.to(), q.zone());
        return new Route(r.name(), matchers, r.to(), GroupBy.fromConfig(r.groupBy()), r.groupWait(),
                r.groupInterval(), r.repeatInterval(), quiet, r.continueMatching());
    }

    private static LabelMatcher.Op op(String symbol) {
        for (LabelMatcher.Op op : LabelMatcher.Op.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("'" + symbol + "' is not a matcher operator");
    }
}
