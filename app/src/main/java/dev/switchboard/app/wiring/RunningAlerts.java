package dev.switchboard.app.wiring;

import dev.switchboard.alerts.action.AlertmanagerSilences;
import dev.switchboard.alerts.desk.AlertCommands;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.webhook.ReceiverConfig;
import dev.switchboard.alerts.webhook.WebhookReceivers;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.config.AlertsConfig;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.redact.Redactor;
import dev.switchboard.server.HttpServer;
import dev.switchboard.store.JdbcStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts part of a running server, when {@code alerts:} has receivers: the webhook receivers mounted at
 * {@code /hooks/...}, the {@link AlertRouter} with its groups restored from the database, and the posting loop
 * that saves the groups after each round. A config reload swaps in new receiver settings (tokens, limits,
 * mappings) and new routes, budget and quiet hours ({@link #apply}); existing groups keep their ids and messages.
 * Adding, removing or renaming receivers, or turning alerts on or off, needs a restart (the HTTP paths are mounted
 * once). Thread-safe.
 */
final class RunningAlerts implements AutoCloseable {
    /** How often pages sent by {@code escalate} are checked for alerts that are over. */
    static final Duration PAGE_CHECK = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RunningAlerts.class);

    private final AlertsConfig started;
    private final AlertRouter router;
    private final AtomicReference<WebhookReceivers> receivers;
    private final AlertPosts posts;
    private final AlertStore store;
    private final AlertIntake intake;
    private final Clock clock;
    private final ScheduledExecutorService pages;

    private RunningAlerts(AlertsConfig started, AlertRouter router, AtomicReference<WebhookReceivers> receivers,
            AlertPosts posts, AlertStore store, AlertIntake intake, Clock clock, ScheduledExecutorService pages) {
        this.started = started;
        this.router = router;
        this.receivers = receivers;
        this.posts = posts;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
        this.pages = pages;
    }

    /**
     * With receivers configured: the router with the groups saved before the last stop restored; null without
     * receivers. Built before the engine, so the alert commands can act on its groups.
     */
    static AlertRouter restoredRouter(AlertsConfig alerts, JdbcStorage storage, Clock clock) {
        if (!alerts.enabled()) {
            return null;
        }
        AlertRouter router = new AlertRouter(AlertSetup.routes(alerts), AlertSetup.budget(alerts), clock,
                storage.alertGroups());
        int restored = router.restore(storage.alerts(), storage.acks());
        if (restored > 0) {
            log.info("restored {} alert group(s) from the database", restored);
        }
        return router;
    }

    /**
     * The alert commands over {@code router}: silences on the configured Alertmanager (none without
     * {@code alerts.alertmanager}), acks and the pages sent with {@code escalate} in the database, the configured
     * escalation services.
     */
    static AlertCommands commands(AlertsConfig alerts, AlertRouter router, JdbcStorage storage, AuditLog audit,
            Clock clock, Redactor redactor) {
        AlertmanagerSilences silences = AlertSetup.alertmanager(alerts)
                .map(config -> new AlertmanagerSilences(config, clock)).orElse(null);
        return new AlertCommands(router, storage.alerts(), storage.acks(), storage.pages(), silences,
                AlertSetup.escalations(alerts),
                alerts.escalation() == null ? null : alerts.escalation().defaultService(), audit, clock,
                redactor::redact);
    }

    /**
     * With receivers configured ({@code router} from {@link #restoredRouter}, {@code commands} from
     * {@link #commands}): mounts {@code /hooks/...} (store, audit and route each request), starts posting, and every
     * {@link #PAGE_CHECK} resolves on their service the pages whose alerts are over. Without: nothing runs.
     */
    static RunningAlerts start(AlertsConfig alerts, AlertRouter router, AlertCommands commands, HttpServer http,
            JdbcStorage storage, AuditLog audit, ChatGateway gateway, Clock clock) {
        if (router == null) {
            return new RunningAlerts(alerts, null, null, null, null, null, clock, null);
        }
        ScheduledExecutorService pages = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alert-pages");
            thread.setDaemon(true);
            return thread;
        });
        pages.scheduleWithFixedDelay(() -> resolveEndedPages(commands), PAGE_CHECK.toMillis(), PAGE_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
        AlertIntake intake = new AlertIntake(audit, router, clock);
        AtomicReference<WebhookReceivers> receivers = new AtomicReference<>(new WebhookReceivers(
                AlertSetup.receivers(alerts), storage.alerts(), clock, intake));
        AlertRoutes.mount(http, receivers::get);
        return new RunningAlerts(alerts, router, receivers, AlertPosts.start(router, gateway),
                storage.alerts(), intake, clock, pages);
    }

    private static void resolveEndedPages(AlertCommands commands) {
        try {
            int resolved = commands.resolveEndedPages();
            if (resolved > 0) {
                log.info("resolved {} page(s) whose alerts are over", resolved);
            }
        } catch (RuntimeException e) {
            log.warn("could not resolve ended pages; trying again in {} s: {}", PAGE_CHECK.toSeconds(),
                    e.getMessage());
        }
    }

    /** The router, while alerts run. */
    Optional<AlertRouter> router() {
        return Optional.ofNullable(router);
    }

    /** Why {@code next} cannot be applied (empty when it can): what the alerts types refuse, said per problem. */
    static List<String> problems(AlertsConfig next) {
        List<String> problems = new ArrayList<>();
        try {
            AlertSetup.receivers(next);
            AlertSetup.budget(next);
            AlertSetup.alertmanager(next);
            if (next.enabled()) {
                AlertSetup.routes(next);
            }
        } catch (IllegalArgumentException e) {
            problems.add("alerts: " + e.getMessage());
        }
        return problems;
    }

    /** What of {@code next} takes effect only after a restart: {@code alerts} when receivers come or go. */
    List<String> needsRestart(AlertsConfig next) {
        List<String> before = started.receivers().stream().map(r -> r.kind() + "/" + r.name()).sorted().toList();
        List<String> after = next.receivers().stream().map(r -> r.kind() + "/" + r.name()).sorted().toList();
        return before.equals(after) ? List.of() : List.of("alerts.receivers (added, removed or renamed)");
    }

    /**
     * Applies a reloaded {@code alerts:} section that {@link #problems} accepted: receiver settings of the receivers
     * mounted at start, routes, budget and quiet hours. Does nothing when alerts did not run at start or
     * {@code next} has no receivers (both need a restart).
     */
    void apply(AlertsConfig next) {
        if (router == null || !next.enabled()) {
            return;
        }
        List<ReceiverConfig> nextReceivers = AlertSetup.receivers(next);
        router.reconfigure(AlertSetup.routes(next), AlertSetup.budget(next));
        receivers.set(new WebhookReceivers(nextReceivers, store, clock, intake));
        log.info("alerts reloaded: {} receiver(s), {} route(s) and the default route", nextReceivers.size(),
                next.routes().size());
    }

    @Override
    public void close() {
        if (pages != null) {
            pages.shutdownNow();
        }
        if (posts != null) {
            posts.close();
        }
    }
}
