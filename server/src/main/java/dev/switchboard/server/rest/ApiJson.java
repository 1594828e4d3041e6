package dev.switchboard.server.rest;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API's JSON shapes, with stable field names (documented in docs/api.md): every field is always present
 * (null when unknown), times are ISO-8601 UTC, enums are lower case. Stateless.
 */
final class ApiJson {
    private ApiJson() {}

    static Map<String, Object> alert(Alert a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fingerprint", a.fingerprint());
        json.put("name", a.name());
        json.put("status", a.status().wireName());
        json.put("severity", a.severity());
        json.put("summary", a.summary());
        json.put("source", a.source());
        json.put("receiver", a.receiver());
        json.put("labels", a.labels());
        json.put("annotations", a.annotations());
        json.put("links", a.links().stream().map(l -> Map.of("title", l.title(), "url", l.url())).toList());
        json.put("startsAt", a.startsAt());
        json.put("endsAt", a.endsAt());
        json.put("receivedAt", a.receivedAt());
        return json;
    }

    static Map<String, Object> transition(AlertStore.Transition t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", t.seq());
        json.put("status", t.status().wireName());
        json.put("at", t.at());
        json.put("receivedAt", t.receivedAt());
        return json;
    }

    /** A group; with {@code members} its alerts' fingerprints, names and statuses too. */
    static Map<String, Object> group(AlertGroups.Group g, boolean members) {
        long firing = g.alerts().stream().filter(Alert::firing).count();
        Map<String, Long> byName = new TreeMap<>();
        g.alerts().forEach(a -> byName.merge(a.name(), 1L, Long::sum));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", g.id());
        json.put("route", g.route());
        json.put("conversation", g.conversation().toString());
        json.put("thread", g.conversation().thread());
        json.put("labels", new TreeMap<>(g.labels()));
        json.put("title", g.title());
        json.put("severity", g.severity());
        json.put("counts", counts(g.alerts().size(), firing, byName));
        json.put("message", g.messageId() == null ? null : message(g.conversation(), g.messageId()));
        json.put("folded", g.folded());
        json.put("closed", g.closed());
        json.put("openedAt", g.openedAt());
        json.put("lastPostedAt", g.lastPostedAt());
        json.put("lastSentAt", g.lastSentAt());
        if (members) {
            json.put("alerts", g.alerts().stream().map(a -> {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("fingerprint", a.fingerprint());
                member.put("name", a.name());
                member.put("status", a.status().wireName());
                member.put("severity", a.severity());
                return member;
            }).toList());
        }
        return json;
    }

    private static Map<String, Object> counts(long total, long firing, Map<String, Long> byName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", total);
        json.put("firing", firing);
        json.put("resolved", total - firing);
        json.put("byName", byName);
        return json;
    }

    private static Map<String, Object> message(ConversationRef where, String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("conversation", where.toString());
        json.put("id", id);
        return json;
    }

    static Map<String, Object> incident(Incident i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("title", i.title());
        json.put("severity", i.severity().wireName());
        json.put("status", i.status().wireName());
        Map<String, Object> roles = new LinkedHashMap<>();
        i.roles().forEach((role, user) -> roles.put(role.wireName(), user));
        json.put("roles", roles);
        json.put("conversation", i.conversation().toString());
        json.put("thread", i.conversation().thread());
        json.put("declaredAt", i.declaredAt());
        json.put("resolvedAt", i.resolvedAt());
        json.put("summary", i.summary());
        json.put("revision", i.revision());
        return json;
    }

    static Map<String, Object> entry(TimelineEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", e.at());
        json.put("who", e.who());
        json.put("kind", e.kind().wireName());
        json.put("text", e.text());
        return json;
    }

    /** A page: {@code items} under {@code key} and the cursor of the next page (null on the last). */
    static Map<String, Object> page(String key, List<?> items, Integer next) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, items);
        json.put("next", next == null ? null : next.toString());
        return json;
    }
}
