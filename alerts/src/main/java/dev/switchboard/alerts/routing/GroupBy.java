package dev.switchboard.alerts.routing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which labels split a route's alerts into groups, each posted as one message: the values of the named labels
 * ({@link Labels}; no names puts every alert of the route in one group), or every label ({@link AllLabels}, written
 * {@code [...]} in config, so each distinct alert is its own group). Immutable.
 */
public sealed interface GroupBy {

    /** The labels of {@code labels} that define the group, sorted by name; a missing label is left out. */
    Map<String, String> groupLabels(Map<String, String> labels);

    /** Group by the values of these labels. */
    record Labels(List<String> names) implements GroupBy {
        public Labels {
            names = List.copyOf(names);
        }

        @Override
        public Map<String, String> groupLabels(Map<String, String> labels) {
            Map<String, String> picked = new TreeMap<>();
            for (String name : names) {
                String value = labels.get(name);
                if (value != null) {
                    picked.put(name, value);
                }
            }
            return picked;
        }
    }

    /** Group by every label: one group per distinct label set. */
    record AllLabels() implements GroupBy {
        @Override
        public Map<String, String> groupLabels(Map<String, String> labels) {
            return new TreeMap<>(labels);
        }
    }

    static GroupBy labels(String... names) {
        return new Labels(List.of(names));
    }

    /** One group for the whole route. */
    static GroupBy nothing() {
        return new Labels(List.of());
    }

    static GroupBy allLabels() {
        return new AllLabels();
    }

    /** From config: {@code ["..."]} is every label, otherwise the names given. */
    static GroupBy fromConfig(List<String> names) {
        return names.equals(List.of("...")) ? allLabels() : new Labels(names);
    }
}
