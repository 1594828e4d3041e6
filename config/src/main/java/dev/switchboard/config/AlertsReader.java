package dev.switchboard.config;

import dev.switchboard.alerts.action.AlertmanagerConfig;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code alerts:} into an {@link AlertsConfig}: receivers ({@link AlertReceiversReader}), routes, the default
 * route, the budget and the Alertmanager ({@link AlertRoutesReader}). Receivers need a {@code defaultRoute}, so no
 * alert is ever received and then posted nowhere.
 */
final class AlertsReader {
    private static final List<String> KEYS = List.of("receivers", "routes", "defaultRoute", "budget", "alertmanager");

    private AlertsReader() {}

    static AlertsConfig read(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return AlertsConfig.NONE;
        }
        Optional<Fields> fields = section.get().fields(KEYS);
        if (fields.isEmpty()) {
            return AlertsConfig.NONE;
        }
        Fields f = fields.get();
        List<ReceiverConfig> receivers = AlertReceiversReader.read(f.get("receivers"));
        List<Route> routes = AlertRoutesReader.routes(f.get("routes"));
        Optional<Route> fallback = f.get("defaultRoute").flatMap(AlertRoutesReader::fallback);
        RateBudget budget = AlertRoutesReader.budget(f.get("budget"));
        AlertmanagerConfig alertmanager = AlertRoutesReader.alertmanager(f.get("alertmanager")).orElse(null);
        boolean wantsRouting = f.has("receivers") || f.has("routes");
        if (wantsRouting && !f.has("defaultRoute")) {
            f.required("defaultRoute", "where alerts no route takes are posted, like { to: [\"web:#alerts\"] }");
        }
        if (receivers.isEmpty() || fallback.isEmpty()) {
            return new AlertsConfig(List.of(), null, budget, alertmanager);
        }
        try {
            return new AlertsConfig(receivers, new Routes(routes, fallback.get()), budget, alertmanager);
        } catch (IllegalArgumentException e) {
            f.get("routes").orElse(f.map()).error(e.getMessage());
            return new AlertsConfig(List.of(), null, budget, alertmanager);
        }
    }
}
