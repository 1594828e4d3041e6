package dev.switchboard.alerts.desk;

import dev.switchboard.alerts.routing.GroupState;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What a typed reference names: an alert group, one alert, or nothing (with why). Immutable. */
sealed interface Target {

    /** Alert group {@code group}, with {@code alerts} as the store now keeps them. */
    record Group(GroupState group, List<Alert> alerts) implements Target {
        public Group {
            Objects.requireNonNull(group, "group");
            alerts = List.copyOf(alerts);
        }

        String id() {
            return group.id();
        }

        /** The firing alerts, or every alert when none fires. */
        List<Alert> relevant() {
            List<Alert> firing = alerts.stream().filter(Alert::firing).toList();
            return firing.isEmpty() ? alerts : firing;
        }

        long firing() {
            return alerts.stream().filter(Alert::firing).count();
        }

        /** The labels every relevant alert has with the same value, sorted by name; empty when none is shared. */
        Map<String, String> commonLabels() {
            List<Alert> pool = relevant();
            if (pool.isEmpty()) {
                return group.key().labels();
            }
            Map<String, String> common = new HashMap<>(pool.getFirst().labels());
            for (Alert alert : pool.subList(1, pool.size())) {
                common.entrySet().retainAll(alert.labels().entrySet());
            }
            return new TreeMap<>(common);
        }

        /** {@code KubePodCrashLooping: 3 firing (cluster=eu-1)}. */
        String title() {
            long firing = firing();
            StringBuilder title = new StringBuilder(group.title()).append(": ")
                    .append(firing > 0 ? firing + " firing" : alerts.size() + " resolved");
            StringBuilder labels = new StringBuilder();
            group.key().labels().forEach((name, value) -> {
                if (!name.equals("alertname")) {
                    labels.append(labels.isEmpty() ? "" : ", ").append(name).append('=').append(value);
                }
            });
            return labels.isEmpty() ? title.toString() : title + " (" + labels + ")";
        }

        AlertDesk.AlertSet set() {
            return new AlertDesk.AlertSet("group " + id(), title(), group.severity(), alerts);
        }
    }

    /** The alert {@code alert}, found by its fingerprint. */
    record One(Alert alert) implements Target {
        public One {
            Objects.requireNonNull(alert, "alert");
        }

        /** {@code DiskFull (firing): Disk on host1 is 95% full}. */
        String title() {
            String summary = alert.summary() == null || alert.summary().isBlank() ? "" : ": " + alert.summary();
            return alert.name() + " (" + alert.status().wireName() + ")" + summary;
        }

        AlertDesk.AlertSet set() {
            return new AlertDesk.AlertSet("alert " + alert.fingerprint(), title(), alert.severity(), List.of(alert));
        }
    }

    /** Nothing by that reference: {@code message} says what was looked for and how to find ids. */
    record Missing(String message) implements Target {
        public Missing {
            Objects.requireNonNull(message, "message");
        }
    }
}
