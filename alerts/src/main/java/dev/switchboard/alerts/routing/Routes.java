package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The configured routes in order, and the default route that takes every alert no route took. Immutable.
 *
 * <p>Selection follows Alertmanager: routes are tried in order; the first that matches takes the alert and
 * selection stops, unless that route has {@code continueMatching}, in which case later routes are tried too. The
 * default route takes the alert only when no route matched. Route names are unique; the default route has no
 * matchers.
 */
public record Routes(List<Route> routes, Route fallback) {
    public Routes {
        routes = List.copyOf(routes);
        Objects.requireNonNull(fallback, "fallback");
        if (!fallback.matchers().isEmpty()) {
            throw new IllegalArgumentException("the default route " + fallback.name() + " takes every alert no"
                    + " other route took, so it takes no matchers; found " + fallback.matchers());
        }
        Set<String> names = new HashSet<>();
        names.add(fallback.name());
        for (Route route : routes) {
            if (!names.add(route.name())) {
                throw new IllegalArgumentException("two alert routes are named " + route.name()
                        + "; route names must be unique (the default route included)");
            }
        }
    }

    /** The routes that take {@code alert}, in order; never empty (the default route at least). */
    public List<Route> select(Alert alert) {
        List<Route> chosen = new ArrayList<>();
        for (Route route : routes) {
            if (route.matches(alert)) {
                chosen.add(route);
                if (!route.continueMatching()) {
                    return chosen;
                }
            }
        }
        return chosen.isEmpty() ? List.of(fallback) : chosen;
    }

    /** The route named {@code name}, or null. */
    public Route named(String name) {
        if (fallback.name().equals(name)) {
            return fallback;
        }
        return routes.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
