package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertQuery;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Answers {@code alerts group <id> [page <n>]} and {@code alerts [firing|resolved|all] [name=value ...]} from the
 * router's groups and the {@link AlertStore}, so every alert of a storm is reachable from chat: a group lists all
 * its alerts, {@link #PAGE} at a time, with their current state from the store. Bad input gets a reply saying what
 * was expected, never an exception. Thread-safe as the router and the store are.
 */
public final class AlertAnswers {
    /** Alerts per page of {@code alerts group <id>} and rows of {@code alerts}. */
    public static final int PAGE = 50;
    private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9-]{1,16}");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private final AlertRouter router;
    private final AlertStore store;

    public AlertAnswers(AlertRouter router, AlertStore store) {
        this.router = Objects.requireNonNull(router, "router");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The alerts of group {@code id}, page {@code page} (from 1), each as the store now keeps it. */
    public Reply group(String id, int page) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        Optional<GroupState> found = GROUP_ID.matcher(wanted).matches() ? router.group(wanted) : Optional.empty();
        if (found.isEmpty()) {
            return Reply.text("There is no alert group " + quote(wanted) + " (now, or closed in the last "
                    + AlertRouter.CLOSED_RETENTION.toHours() + " h). Group ids are shown in alert messages;"
                    + " to list alerts instead: alerts firing");
        }
        GroupState kept = found.get();
        List<Alert> current = kept.alerts().stream().map(a -> store.find(a.fingerprint()).orElse(a)).toList();
        GroupState group = new GroupState(kept.id(), kept.key(), current, kept.message(), kept.folded(),
                kept.closed(), kept.openedAt(), kept.lastSayAt(), kept.lastSentAt(), kept.ackedBy(),
                kept.ackedAt());
        int pages = Math.max(1, (group.alerts().size() + PAGE - 1) / PAGE);
        if (page < 1 || page > pages) {
            return Reply.text("Group " + group.id() + " has " + pages + (pages == 1 ? " page" : " pages")
                    + " of alerts; expected a page from 1 to " + pages);
        }
        Reply.Builder reply = Reply.builder()
                .text(GroupReply.title(group, group.firing(), group.resolved()))
                .field("group", group.id())
                .field("route", group.key().route())
                .field("conversation", group.conversation().toString());
        group.key().labels().forEach(reply::field);
        List<List<String>> rows = new ArrayList<>();
        int from = (page - 1) * PAGE;
        for (Alert alert : group.alerts().subList(from, Math.min(from + PAGE, group.alerts().size()))) {
            rows.add(List.of(alert.fingerprint(), alert.status().wireName(), alert.name(),
                    GroupReply.ownLabels(alert, group.key().labels()), alert.summary() == null ? "" : alert.summary(),
                    GroupReply.TIME.format(alert.startsAt())));
        }
        if (!rows.isEmpty()) {
            reply.table(List.of("fingerprint", "status", "alert", "labels", "summary", "since"), rows);
        }
        if (pages > 1) {
            reply.text("Page " + page + " of " + pages + (page < pages ? "; next: alerts group " + group.id()
                    + " page " + (page + 1) : ""));
        }
        return reply.build();
    }

    /**
     * The alerts matching {@code filter}: words {@code firing} (the default), {@code resolved} or {@code all},
     * and {@code name=value} label conditions, separated by spaces or commas.
     */
    public Reply list(String filter) {
        AlertQuery query = AlertQuery.latest(AlertQuery.MAX_LIMIT).withStatus(Alert.Status.FIRING);
        List<String> conditions = new ArrayList<>();
        for (String word : (filter == null ? "" : filter.strip()).split("[\\s,]+")) {
            var label = LABEL.matcher(word);
            switch (word) {
                case "" -> { }
                case "firing" -> query = query.withStatus(Alert.Status.FIRING);
                case "resolved" -> query = query.withStatus(Alert.Status.RESOLVED);
                case "all" -> query = query.withStatus(null);
                default -> {
                    if (!label.matches()) {
                        return Reply.text("I don't understand " + quote(word) + " in the alert filter; expected"
                                + " firing, resolved, all or name=value, like: alerts firing cluster=eu-1");
                    }
                    query = query.withLabel(label.group(1), label.group(2));
                    conditions.add(word);
                }
            }
        }
        List<Alert> alerts = store.query(query);
        String status = query.status() == null ? "" : " " + query.status().wireName();
        String where = conditions.isEmpty() ? "" : " with " + String.join(", ", conditions);
        String count = alerts.size() >= AlertQuery.MAX_LIMIT ? "At least " + alerts.size() : "" + alerts.size();
        if (alerts.isEmpty()) {
            return Reply.text("No" + status + " alerts" + where + ".");
        }
        Reply.Builder reply = Reply.builder().text(count + status + " alerts" + where + ": " + byName(alerts));
        List<List<String>> rows = new ArrayList<>();
        for (Alert alert : alerts.subList(0, Math.min(PAGE, alerts.size()))) {
            rows.add(List.of(alert.fingerprint(), alert.status().wireName(), alert.name(),
                    GroupReply.ownLabels(alert, Map.of()), String.join(" ", router.groupsOf(alert.fingerprint()))));
        }
        reply.table(List.of("fingerprint", "status", "alert", "labels", "groups"), rows);
        if (alerts.size() > PAGE) {
            reply.text("Showing the " + PAGE + " most recent; narrow with name=value, or open a group:"
                    + " alerts group <id>");
        }
        return reply.build();
    }

    private static String byName(List<Alert> alerts) {
        Map<String, Long> counts = new TreeMap<>();
        alerts.forEach(a -> counts.merge(a.name(), 1L, Long::sum));
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " × " + e.getKey()).toList());
    }

    private static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown + "'";
    }
}
