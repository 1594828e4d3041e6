package dev.switchboard.alerts.desk;

import dev.switchboard.alerts.memory.InMemoryAlertPages;
import dev.switchboard.alerts.routing.AlertAnswers;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupState;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.alert.AlertAcks.Ack;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.Escalations;
import dev.switchboard.api.alert.Silences;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The alert commands people type or click in chat, over the router's groups, the alert store and the acks:
 * <ul>
 *   <li>{@code alerts [firing|resolved|all] [name=value ...]}, {@code alerts group <id> [page <n>]} and
 *       {@code alerts mine} (the alerts I acked);</li>
 *   <li>{@code ack <target>}: records who took the alerts ({@link AlertAcks}), marks a group's message "acked by",
 *       and acknowledges the incident on the escalation service when it was escalated from here;</li>
 *   <li>{@code silence <target|matchers> for <duration> [reason]} and {@code unsilence <id>}: real Alertmanager
 *       silences (at most {@code 7d}), recorded with who and why;</li>
 *   <li>{@code escalate <target> [service]}: pages with a dedup key stable per group or alert, and remembers the
 *       page ({@link AlertPages}) so ack and the end of its alerts reach it on the service, across restarts.</li>
 * </ul>
 * A target is {@code group <id>}, {@code alert <fingerprint>}, a bare group id or a bare fingerprint. Each change is
 * audited ({@code alert_acked}, {@code silenced}, {@code unsilenced}, {@code escalated}) as the asker, with reasons
 * redacted. Bad input gets a reply saying what was expected, never an exception. Thread-safe; calls block the
 * message's thread while Alertmanager or the paging service answers (each bounded by its own timeout).
 */
public final class AlertCommands implements AlertDesk {
    private static final int MINE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AlertStore store;
    private final AlertAcks acks;
    private final AlertRouter router;
    private final AlertAnswers answers;
    private final Targets targets;
    private final SilenceCommands silencing;
    private final EscalateCommand escalating;
    private final DeskAudit audit;

    /** Without escalation services (so no pages to remember), with nothing redacted: see the full constructor. */
    public AlertCommands(AlertRouter router, AlertStore store, AlertAcks acks, Silences silences, AuditLog audit,
            Clock clock) {
        this(router, store, acks, new InMemoryAlertPages(), silences, Map.of(), null, audit, clock,
                UnaryOperator.identity());
    }

    /**
     * @param pages the pages sent with {@code escalate}, read now so that ack and resolve reach those sent before a
     *     restart
     * @param silences Alertmanager's silences, or null when none is configured ({@code silence} then says so)
     * @param escalations the paging services by name ({@code pagerduty}); empty when none is configured
     * @param defaultService the service {@code escalate} uses when none is named: one of {@code escalations}'
     *     names, or null (then the only one, or the user must name one)
     * @param redact masks secrets in reasons before they are audited or sent to Alertmanager
     * @throws IllegalArgumentException if {@code defaultService} is not one of {@code escalations}
     * @throws dev.switchboard.api.StorageException if {@code pages} cannot be read
     */
    public AlertCommands(AlertRouter router, AlertStore store, AlertAcks acks, AlertPages pages, Silences silences,
            Map<String, Escalations> escalations, String defaultService, AuditLog audit, Clock clock,
            UnaryOperator<String> redact) {
        this.router = Objects.requireNonNull(router, "router");
        this.store = Objects.requireNonNull(store, "store");
        this.acks = Objects.requireNonNull(acks, "acks");
        this.audit = new DeskAudit(audit, clock, redact);
        this.answers = new AlertAnswers(router, store);
        this.targets = new Targets(router, store);
        this.silencing = new SilenceCommands(silences, targets, store, this.audit);
        this.escalating = new EscalateCommand(Objects.requireNonNull(escalations, "escalations"), defaultService,
                Objects.requireNonNull(pages, "pages"), targets, this.audit);
    }

    /**
     * Resolves on the paging service every page sent from here whose group closed (all its alerts resolved) or whose
     * alert resolved, as PagerDuty's own Alertmanager integration does; returns how many. Call it every few seconds
     * from a background thread (it makes network calls).
     */
    public int resolveEndedPages() {
        return escalating.resolveEnded(page -> page.groupId() != null
                ? router.group(page.groupId()).map(GroupState::closed).orElse(true)
                : store.find(page.fingerprint()).map(alert -> !alert.firing()).orElse(true));
    }

    @Override
    public Reply alerts(String request, Asker asker) {
        String text = bounded(request);
        List<String> words = Words.split(text);
        if (!words.isEmpty() && words.getFirst().equalsIgnoreCase("group")) {
            if (words.size() == 2) {
                return answers.group(words.get(1), 1);
            }
            if (words.size() == 4 && words.get(2).equalsIgnoreCase("page") && words.get(3).matches("[0-9]{1,6}")) {
                return answers.group(words.get(1), Integer.parseInt(words.get(3)));
            }
            return Reply.text("Expected alerts group <id> [page <n>], like: alerts group k3x9pa page 2");
        }
        if (words.stream().anyMatch(w -> w.equalsIgnoreCase("mine"))) {
            return words.size() == 1 ? mine(asker) : Reply.text("alerts mine takes nothing more; it lists the"
                    + " alerts you acked. To filter: alerts firing cluster=eu-1");
        }
        return answers.list(text);
    }

    private Reply mine(Asker asker) {
        List<Ack> mine = acks.byUser(asker.userId(), MINE);
        if (mine.isEmpty()) {
            return Reply.text("You have not acked any alerts. Take one with: ack group <id> (the id is on the alert"
                    + " message)");
        }
        List<List<String>> rows = new ArrayList<>();
        long firing = 0;
        for (Ack ack : mine) {
            Optional<Alert> alert = store.find(ack.fingerprint());
            firing += alert.filter(Alert::firing).isPresent() ? 1 : 0;
            rows.add(List.of(ack.fingerprint(), alert.map(a -> a.status().wireName()).orElse("gone"),
                    alert.map(Alert::name).orElse(""), ack.groupId() == null ? "" : ack.groupId(),
                    TIME.format(ack.at())));
        }
        return Reply.builder()
                .text("You acked " + mine.size() + (mine.size() == MINE ? "+" : "") + " alerts, " + firing
                        + " still firing:")
                .table(List.of("fingerprint", "status", "alert", "group", "acked"), rows)
                .build();
    }

    @Override
    public Reply ack(String request, Asker asker) {
        Targets.Read read = targets.read(Words.split(bounded(request)));
        if (!read.rest().isEmpty() && !(read.target() instanceof Target.Missing)) {
            return Reply.text("ack takes only what to ack; expected ack group <id> or ack <fingerprint>, like: ack"
                    + " group k3x9pa");
        }
        Instant now = audit.clock().instant();
        return switch (read.target()) {
            case Target.Missing(String message) -> Reply.text(message);
            case Target.Group group -> {
                if (group.firing() == 0 || !router.acked(group.id(), asker.userId(), now)) {
                    yield Reply.text("Group " + group.id() + " has nothing firing; there is nothing to ack.");
                }
                List<Alert> taken = group.relevant();
                acks.record(taken.stream().map(a -> new Ack(a.fingerprint(), asker.userId(), now, group.id()))
                        .toList());
                String warning = audit.record(AuditEventType.ALERT_ACKED, "ack", asker, Map.of(
                        "target", "group " + group.id(), "alerts", taken.size()));
                String paged = escalating.acknowledge(Escalation.groupKey(group.id()), asker.userId());
                yield Reply.text("Acked group " + group.id() + " (" + count(taken.size()) + ") for "
                        + asker.userId() + "; its message now says so." + paged + warning);
            }
            case Target.One(Alert alert) -> {
                acks.record(List.of(new Ack(alert.fingerprint(), asker.userId(), now, null)));
                String warning = audit.record(AuditEventType.ALERT_ACKED, "ack", asker, Map.of(
                        "target", "alert " + alert.fingerprint(), "alerts", 1));
                String paged = escalating.acknowledge(Escalation.alertKey(alert.fingerprint()), asker.userId());
                yield Reply.text("Acked alert " + alert.fingerprint() + " (" + alert.name() + ") for "
                        + asker.userId() + "; alerts mine lists it." + paged + warning);
            }
        };
    }

    @Override
    public Reply silence(String request, Asker asker) {
        return silencing.silence(bounded(request), asker);
    }

    @Override
    public Reply unsilence(String request, Asker asker) {
        return silencing.unsilence(bounded(request), asker);
    }

    @Override
    public Reply escalate(String request, Asker asker) {
        return escalating.escalate(bounded(request), asker);
    }

    @Override
    public Optional<AlertSet> find(String ref) {
        if (ref == null || ref.length() > Words.MAX_LENGTH) {
            return Optional.empty();
        }
        Targets.Read read = targets.read(Words.split(ref));
        if (!read.rest().isEmpty()) {
            return Optional.empty();
        }
        return switch (read.target()) {
            case Target.Group group -> Optional.of(group.set());
            case Target.One one -> Optional.of(one.set());
            case Target.Missing missing -> Optional.empty();
        };
    }

    /** The request, stripped, and cut where nothing sensible is that long (the parser caps it earlier anyway). */
    private static String bounded(String request) {
        String text = request == null ? "" : request.strip();
        return text.length() <= Words.MAX_LENGTH ? text : text.substring(0, Words.MAX_LENGTH);
    }

    private static String count(int alerts) {
        return alerts == 1 ? "1 alert" : alerts + " alerts";
    }
}
