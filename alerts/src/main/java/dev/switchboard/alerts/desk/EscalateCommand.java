package dev.switchboard.alerts.desk;

import dev.switchboard.api.alert.AlertDesk.Asker;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import dev.switchboard.api.alert.Escalations;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.reply.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@code escalate <group|alert> [service]}: triggers the paging service with the group's or alert's stable dedup key
 * ({@link Escalation#groupKey}, {@link Escalation#alertKey}), so escalating twice adds to the same incident instead
 * of paging twice. Remembers which service each key went to and what it was about (in memory), so an ack can
 * acknowledge it there too, and {@link #resolveEnded} resolves it there once its alerts are over. Thread-safe.
 */
final class EscalateCommand {
    static final String NOT_CONFIGURED = "No escalation service is configured here: add PagerDuty or Opsgenie to"
            + " the alerts: section (see docs/alerts-and-incidents.md).";
    private static final String USAGE = "Expected escalate <group id|fingerprint> [service], like: escalate group"
            + " k3x9pa";

    private final Map<String, Escalations> services;
    private final String defaultService;
    private final Targets targets;
    private final DeskAudit audit;
    private final Map<String, Paged> escalated = new ConcurrentHashMap<>();

    /** A page sent from here: to which service, about a group ({@code groupId}) or one alert ({@code fingerprint}). */
    record Paged(String service, String groupId, String fingerprint) {}

    /** {@code services} by lower-case name; {@code defaultService} one of them, or null. */
    EscalateCommand(Map<String, Escalations> services, String defaultService, Targets targets, DeskAudit audit) {
        Map<String, Escalations> byName = new LinkedHashMap<>();
        services.forEach((name, service) -> byName.put(name.toLowerCase(Locale.ROOT), service));
        this.services = byName;
        this.defaultService = defaultService == null ? null : defaultService.toLowerCase(Locale.ROOT);
        if (this.defaultService != null && !byName.containsKey(this.defaultService)) {
            throw new IllegalArgumentException("the default escalation service " + defaultService
                    + " is not one of " + byName.keySet());
        }
        this.targets = targets;
        this.audit = audit;
    }

    Reply escalate(String request, Asker asker) {
        if (services.isEmpty()) {
            return Reply.text(NOT_CONFIGURED);
        }
        Targets.Read read = targets.read(Words.split(request));
        if (read.rest().size() > 1) {
            return Reply.text(USAGE);
        }
        Escalation escalation;
        String what;
        String groupId = null;
        String fingerprint = null;
        switch (read.target()) {
            case Target.Missing(String message) -> {
                return Reply.text(message);
            }
            case Target.Group group -> {
                if (group.firing() == 0) {
                    return Reply.text("Group " + group.id() + " has nothing firing; there is nobody to page about.");
                }
                escalation = Escalation.forGroup(group.id(), group.title(),
                        Escalation.Severity.fromLabel(group.group().severity()), group.commonLabels());
                what = "group " + group.id();
                groupId = group.id();
            }
            case Target.One one -> {
                escalation = Escalation.forAlert(one.alert());
                what = "alert " + one.alert().fingerprint();
                fingerprint = one.alert().fingerprint();
            }
        }
        Optional<String> name = serviceName(read.rest());
        if (name.isEmpty()) {
            return Reply.text(read.rest().isEmpty()
                    ? "Name the service to escalate to: one of " + String.join(", ", services.keySet()) + ", like: "
                            + "escalate group k3x9pa " + services.keySet().iterator().next()
                    : "There is no escalation service " + Words.shown(read.rest().getFirst()) + "; configured: "
                            + String.join(", ", services.keySet()));
        }
        Escalations service = services.get(name.get());
        return switch (service.trigger(escalation)) {
            case EscalationResult.Sent(String key) -> {
                escalated.put(key, new Paged(name.get(), groupId, fingerprint));
                String warning = audit.record(AuditEventType.ESCALATED, "escalate", asker, Map.of("target", what,
                        "service", service.service(), "dedupKey", key, "severity",
                        escalation.severity().wireName()));
                yield Reply.text("Escalated " + what + " to " + service.service() + " (dedup key " + key
                        + "); escalating again updates the same incident, and ack " + what
                        + " acknowledges it there too." + warning);
            }
            case EscalationResult.Rejected(String why) -> Reply.text(service.service() + " refused the escalation"
                    + " of " + what + ": " + why + ". Nobody was paged.");
            case EscalationResult.Unavailable(String why) -> Reply.text("Could not reach " + service.service()
                    + ": " + why + ". Nobody was paged; try again, or page by phone.");
        };
    }

    /**
     * Acknowledges {@code dedupKey} on the service it was escalated to from here, if it was; a sentence for the
     * ack's reply (empty when it was not escalated).
     */
    String acknowledge(String dedupKey, String actor) {
        Paged paged = escalated.get(dedupKey);
        Escalations service = paged == null ? null : services.get(paged.service());
        if (service == null) {
            return "";
        }
        return switch (service.acknowledge(dedupKey, actor)) {
            case EscalationResult.Sent s -> " Also acknowledged on " + service.service() + ".";
            case EscalationResult.Rejected(String why) -> " " + service.service() + " refused the acknowledgement: "
                    + why + ".";
            case EscalationResult.Unavailable(String why) -> " Could not acknowledge it on " + service.service()
                    + ": " + why + "; acknowledge it there.";
        };
    }

    /**
     * Resolves on its service every page sent from here whose alerts are over ({@code ended} says so of a page), and
     * audits each as {@code escalated} with {@code action=resolve}; a service that refuses or cannot be reached is
     * tried again next time. Returns how many were resolved. Makes network calls: not for a latency-bound thread.
     */
    int resolveEnded(Predicate<Paged> ended) {
        int resolved = 0;
        for (Map.Entry<String, Paged> page : escalated.entrySet()) {
            if (!ended.test(page.getValue())) {
                continue;
            }
            Escalations service = services.get(page.getValue().service());
            if (service.resolve(page.getKey(), "switchboard") instanceof EscalationResult.Sent
                    && escalated.remove(page.getKey(), page.getValue())) {
                audit.recordSystem(AuditEventType.ESCALATED, Map.of("action", "resolve", "service", service.service(),
                        "dedupKey", page.getKey()));
                resolved++;
            }
        }
        return resolved;
    }

    private Optional<String> serviceName(List<String> rest) {
        if (rest.isEmpty()) {
            if (defaultService != null) {
                return Optional.of(defaultService);
            }
            return services.size() == 1 ? Optional.of(services.keySet().iterator().next()) : Optional.empty();
        }
        String wanted = rest.getFirst().toLowerCase(Locale.ROOT);
        return services.containsKey(wanted) ? Optional.of(wanted) : Optional.empty();
    }
}
