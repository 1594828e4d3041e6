package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a storm summary: the groups of one conversation folded into one message, like "312 alerts firing in
 * cluster eu-1: 290 × KubePodCrashLooping, 22 × KubeNodeNotReady". Counts are exact and count each fingerprint once
 * (two routes may put one alert in two groups). Every group's id is listed, so {@code alerts group <id>} reaches
 * every alert. Stateless.
 */
public final class SummaryReply {
    /** How many groups get a table row; the ids of the rest are listed after it. */
    public static final int ROWS = 20;
    /** How many alert names the title counts one by one; the rest are summed. */
    public static final int NAMES = 8;

    private SummaryReply() {}

    public static Reply render(String summaryId, List<GroupState> groups) {
        Map<String, Alert> unique = new HashMap<>();
        for (GroupState group : groups) {
            for (Alert alert : group.alerts()) {
                unique.putIfAbsent(alert.fingerprint(), alert);
            }
        }
        Map<String, Long> firingByName = new TreeMap<>();
        long resolved = 0;
        for (Alert alert : unique.values()) {
            if (alert.firing()) {
                firingByName.merge(alert.name(), 1L, Long::sum);
            } else {
                resolved++;
            }
        }
        long firing = firingByName.values().stream().mapToLong(Long::longValue).sum();
        Reply.Builder reply = Reply.builder().text(title(unique.values(), firingByName, firing, resolved));
        reply.text(groups.size() + " groups, folded into this one message to stay readable (summary " + summaryId
                + "). Every alert of a group: alerts group <id>. Every firing alert: alerts firing.");
        List<GroupState> ordered = groups.stream().sorted(Comparator.comparingLong(GroupState::firing).reversed()
                .thenComparing(GroupState::id)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (GroupState group : ordered.subList(0, Math.min(ROWS, ordered.size()))) {
            rows.add(List.of(group.id(), group.title(), groupLabels(group), Long.toString(group.firing()),
                    Long.toString(group.resolved())));
        }
        reply.table(List.of("group", "alert", "labels", "firing", "resolved"), rows);
        if (ordered.size() > ROWS) {
            reply.text("More groups: " + String.join(", ",
                    ordered.subList(ROWS, ordered.size()).stream().map(GroupState::id).toList()));
        }
        return reply.build();
    }

    private static String title(Iterable<Alert> alerts, Map<String, Long> firingByName, long firing, long resolved) {
        String where = commonLabels(alerts);
        if (firing == 0) {
            return "[RESOLVED] all " + resolved + " alerts" + where + " resolved";
        }
        List<Map.Entry<String, Long>> names = firingByName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> name : names.subList(0, Math.min(NAMES, names.size()))) {
            parts.add(name.getValue() + " × " + name.getKey());
        }
        if (names.size() > NAMES) {
            long rest = names.subList(NAMES, names.size()).stream().mapToLong(Map.Entry::getValue).sum();
            parts.add(rest + " × " + (names.size() - NAMES) + " other alert names");
        }
        return firing + " alerts firing" + where + ": " + String.join(", ", parts)
                + (resolved > 0 ? " (" + resolved + " resolved)" : "");
    }

    /** " in cluster eu-1, namespace shop": the labels every alert shares, other than its name and severity. */
    private static String commonLabels(Iterable<Alert> alerts) {
        Map<String, String> common = null;
        for (Alert alert : alerts) {
            if (common == null) {
                common = new TreeMap<>(alert.labels());
                common.keySet().removeAll(Set.of("alertname", "severity"));
            } else {
                common.entrySet().retainAll(alert.labels().entrySet());
            }
            if (common.isEmpty()) {
                return "";
            }
        }
        if (common == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        common.forEach((name, value) -> parts.add(name + " " + value));
        return " in " + String.join(", ", parts);
    }

    private static String groupLabels(GroupState group) {
        List<String> parts = new ArrayList<>();
        group.key().labels().forEach((name, value) -> {
            if (!name.equals("alertname")) {
                parts.add(name + "=" + value);
            }
        });
        return String.join(" ", parts);
    }
}
