package dev.switchboard.alerts.desk;

import dev.switchboard.api.alert.AlertDesk.Asker;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertPages.Page;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code escalate <group|alert> [service]}: triggers the paging service with the group's or alert's stable dedup key
 * ({@link Escalation#groupKey}, {@link Escalation#alertKey}), so escalating twice adds to the same incident instead
 * of paging twice. Remembers which service each key went to and what it was about in {@link AlertPages} (loaded
 * when built, so it survives a restart), so an ack can acknowledge it there too, and {@link #resolveEnded} resolves
 * it there once its alerts are over. Thread-safe.
 */
final class EscalateCommand {
    static final String NOT_CONFIGURED = "No escalation service is configured here: add PagerDuty or Opsgenie to"
            + " the alerts: section (see docs/alerts-and-incidents.md).";
    private static final String USAGE = "Expected escalate <group id|fingerprint> [service], like: escalate group"
            + " k3x9pa";
    /** Appended to a page's reply when the page could not be saved. */
    static final String NOT_SAVED = " Warning: Switchboard could not save this page, so it will not be remembered"
            + " across a restart: after one, ack will not acknowledge it on the service and the end of its alerts will"
            + " not resolve it there; tell an admin.";
    private static final Logger log = LoggerFactory.getLogger(EscalateCommand.class);

    private final Map<String, Escalations> services;
    private final String defaultService;
    private final Targets targets;
    private final DeskAudit audit;
    private final AlertPages pages;
    /** The pages by dedup key, as saved in {@link #pages}; changed together with it under {@link #writes}. */
    private final Map<String, Page> escalated = new ConcurrentHashMap<>();
    private final Object writes = new Object();

    /**
     * {@code services} by lower-case name; {@code defaultService} one of them, or null; {@code pages} holds the pages
     * sent before, read now (those to a service no longer configured are left there, and logged).
     *
     * @throws dev.switchboard.api.StorageException if {@code pages} cannot be read
     */
    EscalateCommand(Map<String, Escalations> services, String defaultService, AlertPages pages, Targets targets,
            DeskAudit audit) {
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
        this.pages = pages;
        load();
    }

    private void load() {
        int unknown = 0;
        for (Page page : pages.all()) {
            if (services.containsKey(page.service())) {
                escalated.put(page.dedupKey(), page);
            } else {
                unknown++;
            }
        }
        if (unknown > 0) {
            log.warn("{} page(s) sent before went to escalation services no longer configured here (configured: {});"
                    + " ack and the end of their alerts will not reach them: resolve them on the service", unknown,
                    services.keySet());
        }
        if (!escalated.isEmpty()) {
            log.info("remembering {} page(s) sent before the restart", escalated.size());
        }
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
                String unsaved = remember(groupId != null
                        ? Page.ofGroup(key, name.get(), groupId, audit.clock().instant(), asker.userId())
                        : Page.ofAlert(key, name.get(), fingerprint, audit.clock().instant(), asker.userId()));
                String warning = audit.record(AuditEventType.ESCALATED, "escalate", asker, Map.of("target", what,
                        "service", service.service(), "dedupKey", key, "severity",
                        escalation.severity().wireName()));
                yield Reply.text("Escalated " + what + " to " + service.service() + " (dedup key " + key
                        + "); escalating again updates the same incident, and ack " + what
                        + " acknowledges it there too." + unsaved + warning);
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
        Page paged = escalated.get(dedupKey);
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
    int resolveEnded(Predicate<Page> ended) {
        int resolved = 0;
        for (Page page : escalated.values()) {
            if (!ended.test(page)) {
                continue;
            }
            Escalations service = services.get(page.service());
            if (service.resolve(page.dedupKey(), "switchboard") instanceof EscalationResult.Sent && forget(page)) {
                audit.recordSystem(AuditEventType.ESCALATED, Map.of("action", "resolve", "service", service.service(),
                        "dedupKey", page.dedupKey()));
                resolved++;
            }
        }
        return resolved;
    }

    /** Remembers {@code page} here and in the store; the empty string, or {@link #NOT_SAVED}. */
    private String remember(Page page) {
        synchronized (writes) {
            escalated.put(page.dedupKey(), page);
            try {
                pages.save(page);
                return "";
            } catch (RuntimeException e) {
                log.error("could not save the page {} to {}; ack and resolve reach it only until a restart",
                        page.dedupKey(), page.service(), e);
                return NOT_SAVED;
            }
        }
    }

    /**
     * Forgets {@code page} once its service took the resolve, unless it was paged again meanwhile (then the newer
     * page stays); true if it was forgotten.
     */
    private boolean forget(Page page) {
        synchronized (writes) {
            if (!escalated.remove(page.dedupKey(), page)) {
                return false;
            }
            try {
                pages.remove(page.dedupKey());
            } catch (RuntimeException e) {
                // Harmless but noisy: after a restart the page is loaded again and resolved a second time.
                log.warn("resolved the page {} on {} but could not remove it from the database",
                        page.dedupKey(), page.service(), e);
            }
            return true;
        }
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
