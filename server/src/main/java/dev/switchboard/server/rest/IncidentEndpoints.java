package dev.switchboard.server.rest;

import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.core.incident.PostmortemDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/incidents} (open ones, oldest first, or all by number), {@code GET /api/v1/incidents/{id}}
 * (with its timeline) and {@code GET /api/v1/incidents/{id}/postmortem} (Markdown). Thread-safe.
 *
 * <p>The store lists open incidents only, so {@code status=all} walks the numbers upwards from the cursor (ids
 * are never reused), stopping at the page's limit or after {@value #MAX_GAP} numbers in a row that name nothing.
 */
final class IncidentEndpoints {
    static final String MARKDOWN = "text/markdown; charset=utf-8";
    /** Numbers in a row that may be missing (a declaration rolled back) before the walk decides it is at the end. */
    static final int MAX_GAP = 50;

    private final IncidentStore store;

    IncidentEndpoints(IncidentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    ApiAnswer list(ApiRequest request) {
        request.accepting("status", "limit", "cursor");
        String status = request.choice("status", "open", "all");
        int limit = request.limit();
        int cursor = request.cursor();
        if (status.equals("open")) {
            List<Incident> open = store.open();
            List<Incident> page = open.subList(Math.min(cursor, open.size()), Math.min(cursor + limit, open.size()));
            Integer next = open.size() > cursor + limit ? cursor + limit : null;
            return ApiAnswer.ok(ApiJson.page("incidents", page.stream().map(ApiJson::incident).toList(), next));
        }
        List<Map<String, Object>> page = new ArrayList<>();
        long number = cursor;
        int missing = 0;
        while (page.size() < limit && missing < MAX_GAP) {
            Optional<Incident> found = store.find(Incident.id(++number));
            if (found.isPresent()) {
                page.add(ApiJson.incident(found.get()));
                missing = 0;
            } else {
                missing++;
            }
        }
        boolean more = page.size() == limit && number < Integer.MAX_VALUE;
        return ApiAnswer.ok(ApiJson.page("incidents", page, more ? (int) number : null));
    }

    ApiAnswer one(ApiRequest request) {
        request.accepting();
        Incident incident = find(request.path("id"));
        Map<String, Object> json = new LinkedHashMap<>(ApiJson.incident(incident));
        json.put("timeline", store.timeline(incident.id()).stream().map(ApiJson::entry).toList());
        return ApiAnswer.ok(json);
    }

    ApiAnswer postmortem(ApiRequest request) {
        request.accepting();
        Incident incident = find(request.path("id"));
        List<TimelineEntry> timeline = store.timeline(incident.id());
        return new ApiAnswer(200, MARKDOWN, PostmortemDocument.render(incident, timeline));
    }

    private Incident find(String id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("no incident '" + ApiRequest.shown(id)
                + "'" + (Incident.number(id).isEmpty() ? "; incident ids look like INC-3" : "")));
    }
}
