package dev.switchboard.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether Switchboard can serve now, for {@code /readyz}. Called on an HTTP thread for every probe, so it must be
 * quick (report cached states, do not open connections). An exception counts as not ready.
 */
@FunctionalInterface
public interface Readiness {
    Report check();

    /**
     * The probe's answer. {@code components} maps a component name to a short, user-safe state, in display order,
     * e.g. {@code database=ok}, {@code config=loaded}, {@code web=connected}.
     */
    record Report(boolean ready, Map<String, String> components) {
        public Report {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }
    }
}
