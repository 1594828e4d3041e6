package dev.switchboard.alerts.desk;

import dev.switchboard.alerts.memory.InMemoryAlertAcks;
import dev.switchboard.alerts.memory.InMemoryAlertPages;
import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupBy;
import dev.switchboard.alerts.routing.PostAction;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.alerts.webhook.LabelFingerprint;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.Escalation;
import dev.switchboard.api.alert.EscalationResult;
import dev.switchboard.api.alert.Escalations;
import dev.switchboard.api.alert.Silence;
import dev.switchboard.api.alert.SilenceRequest;
import dev.switchboard.api.alert.SilenceResult;
import dev.switchboard.api.alert.Silences;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The desk's parts in memory: a router grouping by alertname and cluster into {@code web:#ops} with no wait, the
 * stores, a fake Alertmanager and a fake paging service that record what they were asked, and the audit events.
 * {@link #restarted} builds the desk again over the same stores, as a restart would.
 */
final class DeskFixture {
    static final ConversationRef OPS = ConversationRef.of("web", "#ops");

    final TestClock clock = new TestClock();
    final InMemoryAlertStore store = new InMemoryAlertStore();
    final InMemoryAlertAcks acks = new InMemoryAlertAcks();
    final AlertRouter router = new AlertRouter(new Routes(List.of(), Route.of("ops", List.of(), List.of(OPS),
            GroupBy.labels("alertname", "cluster")).withTiming(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofHours(4))), new RateBudget(100, 100, Duration.ofSeconds(5)), clock);
    final FakeSilences silences = new FakeSilences();
    final FakePager pager = new FakePager();
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final List<PostAction> posts = new ArrayList<>();
    final AlertPages pages;
    final AlertCommands desk;

    DeskFixture() {
        this(true, true);
    }

    DeskFixture(boolean withSilences, boolean withPager) {
        this(withSilences, withPager, new InMemoryAlertPages());
    }

    /** With Alertmanager and the pager, pages kept in {@code pages}. */
    DeskFixture(AlertPages pages) {
        this(true, true, pages);
    }

    private DeskFixture(boolean withSilences, boolean withPager, AlertPages pages) {
        this.pages = pages;
        desk = new AlertCommands(router, store, acks, pages, withSilences ? silences : null,
                withPager ? Map.of("pagerduty", pager) : Map.of(), null, auditLog(), clock,
                text -> text.replace("hunter2", "***"));
    }

    /** A new desk over the same router, stores and pages, paging through {@code pager}: what a restart builds. */
    AlertCommands restarted(FakePager pager) {
        return new AlertCommands(router, store, acks, pages, silences, Map.of("pagerduty", pager), null, auditLog(),
                clock, UnaryOperator.identity());
    }

    private AuditLog auditLog() {
        return event -> {
            audit.add(event);
            return new AuditRecord(audit.size(), event, "", "");
        };
    }

    AlertDesk.Asker as(String user) {
        return new AlertDesk.Asker(user, "web:" + user, "c-" + user, OPS);
    }

    /** A firing alert with labels given as name, value, ...; fingerprint from the labels. */
    Alert firing(String name, String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("alertname", name);
        for (int i = 0; i + 1 < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return new Alert("alertmanager", "alertmanager", LabelFingerprint.of(map), name, map.get("severity"),
                Alert.Status.FIRING, map, Map.of(), name + " summary", List.of(), clock.instant(), null,
                clock.instant());
    }

    /** Stores and routes the alerts, then ticks once, confirming posts as m1, m2, ... */
    String receive(Alert... alerts) {
        store.record(List.of(alerts));
        router.accept(List.of(alerts));
        tick();
        return router.groupsOf(alerts[0].fingerprint()).getFirst();
    }

    /** The alert as its resolve arrives now. */
    Alert resolved(Alert firing) {
        return new Alert(firing.source(), firing.receiver(), firing.fingerprint(), firing.name(), firing.severity(),
                Alert.Status.RESOLVED, firing.labels(), firing.annotations(), firing.summary(), firing.links(),
                firing.startsAt(), clock.instant(), clock.instant());
    }

    List<PostAction> tick() {
        List<PostAction> due = router.tick(clock.instant());
        for (PostAction action : due) {
            if (action instanceof PostAction.Say say) {
                router.posted(say.groupId(), "m" + (posts.size() + 1));
            }
        }
        posts.addAll(due);
        return due;
    }

    /** Alertmanager in memory: ids sil-1, sil-2, ...; refuses nothing unless told to be down. */
    static final class FakeSilences implements Silences {
        final List<SilenceRequest> created = new CopyOnWriteArrayList<>();
        final Map<String, Silence> kept = new HashMap<>();
        volatile boolean down;

        @Override
        public synchronized SilenceResult create(SilenceRequest request) {
            if (down) {
                return new SilenceResult.Unavailable("Alertmanager at http://127.0.0.1:9093 could not be reached");
            }
            created.add(request);
            String id = "sil-" + created.size();
            Silence silence = new Silence(id, Silence.State.ACTIVE, request.matchers(),
                    java.time.Instant.parse("2026-11-05T10:00:00Z"),
                    java.time.Instant.parse("2026-11-05T10:00:00Z").plus(request.duration()), request.createdBy(),
                    request.reason());
            kept.put(id, silence);
            return new SilenceResult.Silenced(silence);
        }

        @Override
        public synchronized SilenceResult find(String id) {
            Silence silence = kept.get(id);
            return silence == null ? new SilenceResult.NotFound(id) : new SilenceResult.Silenced(silence);
        }

        @Override
        public synchronized SilenceResult expire(String id) {
            Silence silence = kept.get(id);
            if (silence == null) {
                return new SilenceResult.NotFound(id);
            }
            kept.put(id, new Silence(id, Silence.State.EXPIRED, silence.matchers(), silence.startsAt(),
                    silence.endsAt(), silence.createdBy(), silence.comment()));
            return new SilenceResult.Expired(id);
        }
    }

    /** A paging service in memory that takes every event and records it. */
    static final class FakePager implements Escalations {
        final List<Escalation> triggered = new CopyOnWriteArrayList<>();
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> resolved = new CopyOnWriteArrayList<>();

        @Override
        public String service() {
            return "PagerDuty";
        }

        @Override
        public EscalationResult trigger(Escalation escalation) {
            triggered.add(escalation);
            return new EscalationResult.Sent(escalation.dedupKey());
        }

        @Override
        public EscalationResult acknowledge(String dedupKey, String actor) {
            acknowledged.add(dedupKey + " by " + actor);
            return new EscalationResult.Sent(dedupKey);
        }

        @Override
        public EscalationResult resolve(String dedupKey, String actor) {
            resolved.add(dedupKey + " by " + actor);
            return new EscalationResult.Sent(dedupKey);
        }
    }
}
