package dev.switchboard.server.rest;

import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/alert-groups} (every group the router holds, paged, with counts) and
 * {@code GET /api/v1/alert-groups/{id}} (one group with every member alert). Thread-safe.
 */
final class GroupEndpoints {
    private final AlertGroups groups;

    GroupEndpoints(AlertGroups groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    ApiAnswer list(ApiRequest request) {
        request.accepting("limit", "cursor");
        int limit = request.limit();
        int offset = request.cursor();
        List<AlertGroups.Group> all = groups.all();
        List<AlertGroups.Group> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        Integer next = all.size() > offset + limit ? offset + limit : null;
        return ApiAnswer.ok(ApiJson.page("groups", page.stream().map(g -> ApiJson.group(g, false)).toList(), next));
    }

    ApiAnswer one(ApiRequest request) {
        request.accepting();
        String id = request.path("id");
        return groups.find(id).map(g -> ApiAnswer.ok(ApiJson.group(g, true)))
                .orElseThrow(() -> ApiProblem.notFound("no alert group '" + ApiRequest.shown(id)
                        + "' (a group is kept for 24 hours after it closes)"));
    }
}
