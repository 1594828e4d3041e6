package dev.switchboard.server.rest;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/v1/alerts} (the latest state of each alert, newest received first, filtered by status and labels,
 * paged) and {@code GET /api/v1/alerts/{fingerprint}} (one alert with its transitions and the groups holding it).
 * Thread-safe; reads the store on every call.
 */
final class AlertEndpoints {
    private final AlertStore store;
    private final AlertGroups groups;

    AlertEndpoints(AlertStore store, AlertGroups groups) {
        this.store = Objects.requireNonNull(store, "store");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    ApiAnswer list(ApiRequest request) {
        request.accepting("status", "label", "limit", "cursor");
        AlertQuery query = AlertQuery.latest(AlertQuery.MAX_LIMIT);
        query = switch (request.choice("status", "all", "firing", "resolved")) {
            case "firing" -> query.withStatus(Alert.Status.FIRING);
            case "resolved" -> query.withStatus(Alert.Status.RESOLVED);
            default -> query;
        };
        for (String label : request.all("label")) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw ApiProblem.badRequest("parameter 'label' is '" + ApiRequest.shown(label)
                        + "'; expected name=value, like label=cluster=eu-1");
            }
            query = query.withLabel(label.substring(0, eq), label.substring(eq + 1));
        }
        int limit = request.limit();
        int offset = request.cursor();
        if (offset >= AlertQuery.MAX_LIMIT) {
            throw ApiProblem.badRequest("parameter 'cursor' is " + offset + "; paging reaches the newest "
                    + AlertQuery.MAX_LIMIT + " alerts only, narrow the list with status or label");
        }
        int wanted = Math.min(offset + limit + 1, AlertQuery.MAX_LIMIT);
        List<Alert> found = store.query(new AlertQuery(query.status(), null, query.labels(), null, wanted));
        List<Alert> page = found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
        Integer next = found.size() > offset + limit ? offset + limit : null;
        return ApiAnswer.ok(ApiJson.page("alerts", page.stream().map(ApiJson::alert).toList(), next));
    }

    ApiAnswer one(ApiRequest request) {
        request.accepting();
        String fingerprint = request.path("fingerprint");
        Alert alert = store.find(fingerprint).orElseThrow(() -> ApiProblem.notFound("no alert with fingerprint '"
                + ApiRequest.shown(fingerprint) + "'"));
        Map<String, Object> json = new LinkedHashMap<>(ApiJson.alert(alert));
        json.put("history", store.history(fingerprint).stream().map(ApiJson::transition).toList());
        json.put("groups", groups.groupsOf(fingerprint));
        return ApiAnswer.ok(json);
    }
}
