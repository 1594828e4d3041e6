package dev.switchboard.alerts.desk;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupState;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what the first words of a command name: {@code group <id>}, {@code alert <fingerprint>}, a bare group id or
 * a bare fingerprint (a group id is tried first). Thread-safe as the router and the store are.
 */
final class Targets {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    static final String HOW = "group <id> (the id is on the alert message) or an alert's fingerprint"
            + " (alerts firing lists them)";

    private final AlertRouter router;
    private final AlertStore store;

    Targets(AlertRouter router, AlertStore store) {
        this.router = Objects.requireNonNull(router, "router");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What {@code words} name, and the words after the reference. */
    record Read(Target target, List<String> rest) {}

    Read read(List<String> words) {
        if (words.isEmpty()) {
            return new Read(new Target.Missing("Name the alerts: " + HOW), List.of());
        }
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        if ((first.equals("group") || first.equals("alert")) && words.size() >= 2) {
            String ref = words.get(1);
            Target target = first.equals("group") ? group(ref)
                    .<Target>map(g -> g).orElseGet(() -> noGroup(ref)) : alert(ref);
            return new Read(target, words.subList(2, words.size()));
        }
        if (first.equals("group") || first.equals("alert")) {
            return new Read(new Target.Missing("Expected an id after " + first + ", like: " + first
                    + (first.equals("group") ? " k3x9pa" : " 10fd2ebfb5d5241b")), List.of());
        }
        String ref = words.getFirst();
        Optional<Target.Group> group = group(ref);
        Target target = group.isPresent() ? group.get() : alert(ref);
        if (target instanceof Target.Missing && ref.toLowerCase(Locale.ROOT).startsWith("s-")) {
            target = new Target.Missing(Words.shown(ref) + " is a storm summary of several groups; act on one of the"
                    + " groups it lists (alerts group <id>), or silence by matchers like alertname=DiskFull");
        } else if (target instanceof Target.Missing) {
            target = new Target.Missing("There is no alert group or alert " + Words.shown(ref) + ". Expected " + HOW
                    + ".");
        }
        return new Read(target, words.subList(1, words.size()));
    }

    Optional<Target.Group> group(String ref) {
        String id = ref.strip().toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return router.group(id).map(this::current);
    }

    private Target.Group current(GroupState group) {
        List<Alert> alerts = group.alerts().stream().map(a -> store.find(a.fingerprint()).orElse(a)).toList();
        return new Target.Group(group, alerts);
    }

    private Target alert(String ref) {
        String fingerprint = ref.strip();
        if (!ID.matcher(fingerprint).matches()) {
            return new Target.Missing(Words.shown(ref) + " is not an alert fingerprint or group id. Expected " + HOW
                    + ".");
        }
        return store.find(fingerprint).<Target>map(Target.One::new).orElseGet(() -> new Target.Missing(
                "There is no alert with fingerprint " + Words.shown(fingerprint) + "; alerts firing lists them."));
    }

    private static Target noGroup(String ref) {
        return new Target.Missing("There is no alert group " + Words.shown(ref) + " (now, or closed in the last "
                + AlertRouter.CLOSED_RETENTION.toHours() + " h). Group ids are on alert messages; to list alerts:"
                + " alerts firing");
    }
}
