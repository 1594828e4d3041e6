package dev.switchboard.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code alerts.escalation}: the paging services {@code escalate} can trigger, by name, and the one used when none
 * is named. Each service is PagerDuty (Events API v2, keyed by an integration's routing key) or Opsgenie (Alert
 * API, keyed by an API integration's key); keys come from {@code ${env:}} / {@code ${file:}} references only.
 * Immutable; {@code toString} never shows a key.
 *
 * @param defaultService the name of the service used when {@code escalate} names none; null exactly when there is no
 *     service
 * @param services the services by name, in config order
 */
public record EscalationConfig(String defaultService, Map<String, Service> services) {
    /** No escalation services. */
    public static final EscalationConfig NONE = new EscalationConfig(null, Map.of());

    public EscalationConfig {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        if (services.isEmpty() != (defaultService == null)) {
            throw new IllegalArgumentException("escalation services and the default go together: both or neither");
        }
        if (defaultService != null && !services.containsKey(defaultService)) {
            throw new IllegalArgumentException("the default escalation service '" + defaultService + "' is not one"
                    + " of the services: " + String.join(", ", services.keySet()));
        }
        services.forEach((name, service) -> {
            if (!name.equals(service.name())) {
                throw new IllegalArgumentException("escalation service " + service.name() + " is filed as " + name);
            }
        });
    }

    /** Which API a service speaks. */
    public enum Kind {
        PAGERDUTY, OPSGENIE;

        /** The lower-case name written in config ({@code pagerduty}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One paging service.
     *
     * @param name how chat names it ({@code escalate <group> db-team}): lower-case letters, digits, {@code -} and
     *     {@code _}, at most 64
     * @param kind which API
     * @param key the PagerDuty routing key or the Opsgenie API key (a resolved reference; never shown)
     * @param url the API's URL, or null for the public one (PagerDuty: the full enqueue URL; Opsgenie: the base URL)
     */
    public record Service(String name, Kind kind, String key, URI url) {
        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("escalation service name '" + name + "' must be 1 to 64 lower-case"
                        + " letters, digits, '-' or '_', starting with a letter or digit");
            }
            if (key.isBlank()) {
                throw new IllegalArgumentException("escalation service " + name + " has an empty key");
            }
            if (url != null) {
                HttpUrls.check("alerts.escalation.services." + name + ".url", url);
            }
        }

        @Override
        public String toString() {
            return "Service[" + name + ", " + kind.wireName() + ", key=***" + (url == null ? "" : ", url=" + url) + "]";
        }
    }
}
