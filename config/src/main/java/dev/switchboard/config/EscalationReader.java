package dev.switchboard.config;

import dev.switchboard.config.EscalationConfig.Kind;
import dev.switchboard.config.EscalationConfig.Service;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code alerts.escalation: { default: core-oncall, services: { core-oncall: { kind: pagerduty, routingKey:
 * "${env:PD_ROUTING_KEY}" }, db-team: { kind: opsgenie, apiKey: "${file:/run/secrets/og}", url: ... } } }}. Keys
 * are accepted only as references; an unknown kind or default is reported where written, with a did-you-mean.
 */
final class EscalationReader {
    private static final List<String> KINDS = List.of("pagerduty", "opsgenie");

    private EscalationReader() {}

    static EscalationConfig read(Optional<Cursor> section) {
        if (section.isEmpty() || section.get().isNull()) {
            return EscalationConfig.NONE;
        }
        Optional<Fields> fields = section.get().fields(List.of("default", "services"));
        if (fields.isEmpty()) {
            return EscalationConfig.NONE;
        }
        Fields f = fields.get();
        Map<String, Service> services = new LinkedHashMap<>();
        boolean ok = true;
        for (var entry : f.required("services", "the paging services by name, like { core-oncall: { kind: pagerduty,"
                + " routingKey: \"${env:PD_ROUTING_KEY}\" } }").flatMap(s -> s.entries("a map of service name to"
                        + " settings")).orElse(List.of())) {
            Optional<Service> service = service(entry.getKey().key(), entry.getValue());
            ok &= service.isPresent();
            service.ifPresent(s -> services.put(s.name(), s));
        }
        List<String> names = new ArrayList<>(services.keySet());
        Optional<String> chosen;
        if (f.has("default")) {
            chosen = f.get("default").flatMap(d -> d.oneOf("escalation service", names));
        } else if (names.size() == 1) {
            chosen = Optional.of(names.getFirst());
        } else {
            if (names.size() > 1) {
                f.required("default", "the service escalate uses when none is named, one of "
                        + String.join(", ", names));
            }
            chosen = Optional.empty();
        }
        if (!ok || chosen.isEmpty()) {
            return EscalationConfig.NONE;
        }
        return new EscalationConfig(chosen.get(), services);
    }

    private static Optional<Service> service(String name, Cursor c) {
        Optional<Fields> fields = c.fields(List.of("kind", "routingKey", "apiKey", "url"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Kind> kind = f.required("kind", "one of " + String.join(", ", KINDS))
                .flatMap(k -> k.oneOf("escalation kind", KINDS)).map(k -> Kind.valueOf(k.toUpperCase(Locale.ROOT)));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String keyName = kind.get() == Kind.PAGERDUTY ? "routingKey" : "apiKey";
        String other = kind.get() == Kind.PAGERDUTY ? "apiKey" : "routingKey";
        f.get(other).ifPresent(o -> o.error(kind.get().wireName() + " services take " + keyName + ", not " + other));
        Optional<String> key = f.required(keyName, kind.get() == Kind.PAGERDUTY
                ? "the Events API v2 integration key as ${env:NAME} or ${file:/path}"
                : "the API integration key as ${env:NAME} or ${file:/path}")
                .flatMap(k -> k.secret("the " + keyName)).map(String::strip);
        Optional<Cursor> urlNode = f.get("url").filter(u -> !u.isNull());
        Optional<URI> url = urlNode.flatMap(u -> u.nonBlank().flatMap(text -> {
            try {
                URI parsed = new URI(text.strip());
                HttpUrls.check("alerts.escalation.services." + name + ".url", parsed);
                return Optional.of(parsed);
            } catch (URISyntaxException | IllegalArgumentException e) {
                u.error("expected the service's http(s) URL without credentials, like " + (kind.get() == Kind.PAGERDUTY
                        ? "https://events.pagerduty.com/v2/enqueue" : "https://api.eu.opsgenie.com") + ", got "
                        + (text.contains("@") ? "a URL with credentials" : u.shown()));
                return Optional.empty();
            }
        }));
        if (key.isEmpty() || urlNode.isPresent() && url.isEmpty() || f.has(other)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Service(name, kind.get(), key.get(), url.orElse(null)));
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return Optional.empty();
        }
    }
}
