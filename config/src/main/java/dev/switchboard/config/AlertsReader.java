package dev.switchboard.config;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code alerts:} into an {@link AlertsConfig}: receivers ({@link AlertReceiversReader}), routes, the default
 * route, the budget and the Alertmanager ({@link AlertRoutesReader}), and the escalation services
 * ({@link EscalationReader}). Receivers need a {@code defaultRoute}, so no alert is ever received and then posted
 * nowhere.
 */
final class AlertsReader {
    private static final List<String> KEYS = List.of("receivers", "routes", "defaultRoute", "budget", "alertmanager",
            "escalation");

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
        List<AlertReceiverConfig> receivers = AlertReceiversReader.read(f.get("receivers"));
        List<AlertRouteConfig> routes = AlertRoutesReader.routes(f.get("routes"));
        Optional<AlertRouteConfig> fallback = f.get("defaultRoute").flatMap(AlertRoutesReader::fallback);
        AlertsConfig.Budget budget = AlertRoutesReader.budget(f.get("budget"));
        AlertmanagerApiConfig alertmanager = AlertRoutesReader.alertmanager(f.get("alertmanager")).orElse(null);
        EscalationConfig escalation = EscalationReader.read(f.get("escalation"));
        boolean wantsRouting = f.has("receivers") || f.has("routes");
        if (wantsRouting && !f.has("defaultRoute")) {
            f.required("defaultRoute", "where alerts no route takes are posted, like { to: [\"web:#alerts\"] }");
        }
        if (receivers.isEmpty() || fallback.isEmpty()) {
            return new AlertsConfig(List.of(), List.of(), null, budget, alertmanager, escalation);
        }
        try {
            return new AlertsConfig(receivers, routes, fallback.get(), budget, alertmanager, escalation);
        } catch (IllegalArgumentException e) {
            f.get("routes").orElse(f.map()).error(e.getMessage());
            return new AlertsConfig(List.of(), List.of(), null, budget, alertmanager, escalation);
        }
    }
}
