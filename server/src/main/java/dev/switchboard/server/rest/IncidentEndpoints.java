package dev.switchboard.server.rest;

import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.core.incident.PostmortemDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/v1/incidents} (open ones, oldest first, or all by number), {@code GET /api/v1/incidents/{id}}
 * (with its timeline) and {@code GET /api/v1/incidents/{id}/postmortem} (Markdown). Thread-safe.
 *
 * <p>{@code status=all} pages by number: the cursor is the number of the last incident shown (ids are never
 * reused, so a page never repeats or skips one, whatever is declared meanwhile).
 */
final class IncidentEndpoints {
    static final String MARKDOWN = "text/markdown; charset=utf-8";

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
        List<Incident> page = store.page(cursor, limit);
        long last = page.isEmpty() ? cursor : Incident.number(page.getLast().id()).orElseThrow();
        // The cursor is the last number shown; a full page gives one only when something follows it.
        boolean more = page.size() == limit && last <= Integer.MAX_VALUE && !store.page(last, 1).isEmpty();
        return ApiAnswer.ok(ApiJson.page("incidents", page.stream().map(ApiJson::incident).toList(),
                more ? (int) last : null));
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
