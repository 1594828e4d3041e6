package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders one alert group as the message posted and edited for it: a title with severity, name and counts; the
 * group's labels and id; up to {@code listed} alerts with their own labels and summary; how to reach the rest
 * ({@code alerts group <id>}); links; and, while anything fires, the buttons Ack, Silence 2h, Escalate and Declare
 * incident, each the command its clicker types. Stateless.
 */
public final class GroupReply {
    /** How many alerts a group message lists before pointing to {@code alerts group <id>}. */
    public static final int LISTED = 5;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("alertname", "severity");
    private static final int LABELS_WIDTH = 60;
    private static final int LINKS = 3;

    private GroupReply() {}

    public static Reply render(GroupState group) {
        return render(group, LISTED);
    }

    public static Reply render(GroupState group, int listed) {
        long firing = group.firing();
        long resolved = group.resolved();
        Reply.Builder reply = Reply.builder().text(title(group, firing, resolved));
        group.key().labels().forEach((name, value) -> {
            if (!name.equals("alertname")) {
                reply.field(name, value);
            }
        });
        reply.field("group", group.id());
        if (group.ackedBy() != null) {
            reply.field("acked by", group.ackedBy() + " at " + TIME.format(group.ackedAt()));
        }
        group.alerts().stream().map(Alert::startsAt).min(Instant::compareTo)
                .ifPresent(start -> reply.field(firing > 0 ? "firing since" : "started", TIME.format(start)));
        // The title names the alert when the group has only one name; a column repeating it is noise.
        boolean oneName = group.countsByName(false).size() == 1;
        List<List<String>> rows = new ArrayList<>();
        for (Alert alert : group.alerts().subList(0, Math.min(listed, group.alerts().size()))) {
            List<String> row = row(alert, group.key().labels());
            rows.add(oneName ? List.of(row.get(0), row.get(2), row.get(3)) : row);
        }
        if (!rows.isEmpty()) {
            reply.table(oneName ? List.of("status", "labels", "summary") : List.of("status", "alert", "labels",
                    "summary"), rows);
        }
        int more = group.alerts().size() - rows.size();
        if (more > 0) {
            reply.text("and " + more + " more: alerts group " + group.id());
        }
        links(group).ifPresent(reply::text);
        if (firing > 0) {
            String id = group.id();
            reply.add(new Block.Buttons(List.of(
                    new Button("Ack", "ack group " + id, Button.Style.PRIMARY),
                    Button.of("Silence 2h", "silence group " + id + " for 2h"),
                    new Button("Escalate", "escalate group " + id, Button.Style.DANGER),
                    Button.of("Declare incident", "incident declare sev2 \"" + incidentTitle(group) + "\" from group "
                            + id))));
        }
        return reply.build();
    }

    static String title(GroupState group, long firing, long resolved) {
        String severity = group.severity();
        String status = firing == 0 ? "[RESOLVED] "
                : severity == null ? "" : "[" + severity.toUpperCase(Locale.ROOT) + "] ";
        String counts = firing == 0 ? resolved + " resolved"
                : firing + " firing" + (resolved > 0 ? ", " + resolved + " resolved" : "");
        return status + group.title() + ": " + counts;
    }

    static List<String> row(Alert alert, Map<String, String> groupLabels) {
        return List.of(alert.status().wireName(), alert.name(), ownLabels(alert, groupLabels),
                alert.summary() == null ? "" : alert.summary());
    }

    /** The alert's labels that neither the group nor the title already show, as {@code name=value}. */
    static String ownLabels(Alert alert, Map<String, String> groupLabels) {
        StringBuilder text = new StringBuilder();
        alert.labels().forEach((name, value) -> {
            if (!SHOWN_ELSEWHERE.contains(name) && !groupLabels.containsKey(name)) {
                text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value);
            }
        });
        return text.length() <= LABELS_WIDTH ? text.toString() : text.substring(0, LABELS_WIDTH - 1) + "…";
    }

    private static Optional<String> links(GroupState group) {
        Map<String, Alert.Link> byUrl = new LinkedHashMap<>();
        for (Alert alert : group.alerts()) {
            for (Alert.Link link : alert.links()) {
                if (byUrl.size() < LINKS) {
                    byUrl.putIfAbsent(link.url(), link);
                }
            }
        }
        if (byUrl.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = byUrl.values().stream().map(l -> l.title() + " " + l.url()).toList();
        return Optional.of("Links: " + String.join(" · ", parts));
    }

    /** A title for an incident declared from the group: its name and labels, without quotes that would end it. */
    static String incidentTitle(GroupState group) {
        StringBuilder title = new StringBuilder(group.title());
        group.key().labels().forEach((name, value) -> {
            if (!name.equals("alertname")) {
                title.append(' ').append(name).append('=').append(value);
            }
        });
        return title.toString().replace('"', '\'');
    }
}
