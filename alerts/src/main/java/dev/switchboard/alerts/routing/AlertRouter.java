package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.alert.SavedAlertGroup;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored alerts into chat posts and edits. Thread-safe: every method holds the router's lock (except the
 * database writes of {@link #saveChanges}); it starts no thread (something calls {@link #tick} every few hundred
 * milliseconds). With an {@link AlertGroupStore}, groups survive a restart: {@link #restore} loads them at start,
 * and {@link #saveChanges} writes the groups that changed, after each round.
 *
 * <ul>
 *   <li>{@link #accept} routes each alert ({@link Routes#select}) to a group per route, conversation and
 *       {@code groupBy} values, with a stable six-character id; a group holds one alert per fingerprint, applied
 *       with {@link dev.switchboard.api.alert.AlertStore#classify}'s rules, so repeats and late deliveries change
 *       nothing.</li>
 *   <li>{@link #tick} says what to post or edit now, per conversation: a new group is posted once its
 *       {@code groupWait} passed (outside quiet hours, unless critical); a posted group whose alerts changed is
 *       edited at most once per {@code groupInterval}, finally to resolved; a still-firing group is posted again as
 *       a new message after {@code repeatInterval}. Each post or edit takes a token of the conversation's
 *       {@link RateBudget}; when more new groups are ready than the budget can post within its {@code maxDelay},
 *       they are folded into one summary message, and so are the new groups that follow while it has anything
 *       firing. Whatever the tokens do not cover waits for a later tick.</li>
 *   <li>{@link #posted} and {@link #failed} report back what happened to each {@link PostAction.Say}.</li>
 * </ul>
 * Closed groups are kept for {@link #CLOSED_RETENTION} so their ids still answer, then forgotten.
 *
 * <p>{@link #reconfigure} applies reloaded routes and budget: groups keep their ids and messages and take the timing
 * and quiet hours of the route with their route's name (a removed route's groups keep the old ones until they close).
 */
public final class AlertRouter {
    /** How long a group stays reachable by id after it closed. */
    public static final Duration CLOSED_RETENTION = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(AlertRouter.class);

    private Routes routes;
    private RateBudget budget;
    private final Clock clock;
    private final AlertGroupStore groupStore;
    private final GroupSnapshots snapshots = new GroupSnapshots();
    private final Map<ConversationRef, ConversationLane> lanes = new LinkedHashMap<>();
    private final Map<GroupKey, AlertGroup> byKey = new HashMap<>();
    private final Map<String, AlertGroup> byId = new HashMap<>();
    private final Map<String, Set<String>> idsByFingerprint = new HashMap<>();

    /**
     * @param routes where alerts go
     * @param budget how much each conversation may be posted to
     * @param clock when alerts are accepted (a new group's {@code groupWait} counts from then)
     */
    public AlertRouter(Routes routes, RateBudget budget, Clock clock) {
        this(routes, budget, clock, null);
    }

    /**
     * @param groupStore where groups are saved by {@link #saveChanges} and loaded by {@link #restore}; null keeps
     *     them in memory only
     */
    public AlertRouter(Routes routes, RateBudget budget, Clock clock, AlertGroupStore groupStore) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.groupStore = groupStore;
    }

    /**
     * Loads the groups saved before a restart, each with its alerts as {@code alerts} now keeps them, so a change
     * to them edits the message posted before (call once, before the first {@link #accept}). A group whose alerts
     * are all unknown is dropped. Returns how many groups were restored. Throws
     * {@link dev.switchboard.api.StorageException} when the store cannot be read.
     */
    public synchronized int restore(AlertStore alerts) {
        return restore(alerts, null);
    }

    /**
     * As {@link #restore(AlertStore)}, and a restored group acked in its current episode (an ack in {@code acks}
     * naming the group, no older than the group) shows who acked it again, without an edit.
     */
    public synchronized int restore(AlertStore alerts, AlertAcks acks) {
        Objects.requireNonNull(alerts, "alerts");
        if (groupStore == null) {
            return 0;
        }
        int restored = 0;
        for (SavedAlertGroup saved : groupStore.all()) {
            if (byId.containsKey(saved.id())) {
                continue;
            }
            Route route = Optional.ofNullable(routes.named(saved.route())).orElse(routes.fallback());
            Optional<AlertGroup> group = snapshots.restore(saved, route, alerts::find);
            if (group.isPresent()) {
                AlertGroup g = group.get();
                byId.put(g.id, g);
                byKey.put(g.key, g);
                lanes.computeIfAbsent(g.key.conversation(), c -> new ConversationLane(c, budget)).groups.put(g.id, g);
                g.alerts().forEach(a -> idsByFingerprint.computeIfAbsent(a.fingerprint(), f -> new LinkedHashSet<>())
                        .add(g.id));
                if (acks != null) {
                    restoreAck(g, acks);
                }
                restored++;
            }
        }
        return restored;
    }

    private static void restoreAck(AlertGroup group, AlertAcks acks) {
        group.state().alerts().stream().map(a -> acks.find(a.fingerprint())).flatMap(Optional::stream)
                .filter(ack -> group.id.equals(ack.groupId()) && !ack.at().isBefore(group.openedAt))
                .max(Comparator.comparing(AlertAcks.Ack::at))
                .ifPresent(ack -> {
                    group.ackedBy = ack.by();
                    group.ackedAt = ack.at();
                });
    }

    /**
     * Writes the groups that changed since the last successful save, and forgets the ones forgotten here, to the
     * group store (write-behind: call it after each round of {@link #tick} and its reports). The writes happen
     * outside the router's lock; call it from one thread at a time. Returns how many groups were written or
     * forgotten; 0 without a store. Throws {@link dev.switchboard.api.StorageException} when the store fails (the
     * same changes are tried again next time).
     */
    public int saveChanges() {
        if (groupStore == null) {
            return 0;
        }
        GroupSnapshots.Changes changes;
        synchronized (this) {
            changes = snapshots.since(byId.values());
        }
        if (changes.isEmpty()) {
            return 0;
        }
        groupStore.save(changes.changed());
        groupStore.delete(changes.gone());
        snapshots.saved(changes);
        return changes.changed().size() + changes.gone().size();
    }

    /**
     * Applies reloaded routes and budget. New alerts are routed by {@code next}; existing groups keep their ids,
     * members and messages and take the timing and quiet hours of the route of the same name (kept as they were when
     * that route is gone); every conversation's budget becomes {@code nextBudget}.
     */
    public synchronized void reconfigure(Routes next, RateBudget nextBudget) {
        routes = Objects.requireNonNull(next, "next");
        budget = Objects.requireNonNull(nextBudget, "nextBudget");
        for (AlertGroup group : byId.values()) {
            Route renewed = next.named(group.key.route());
            if (renewed != null) {
                group.route = renewed;
            }
        }
        lanes.values().forEach(lane -> lane.rebudget(nextBudget));
    }

    /** Takes alerts already stored by a webhook receiver, in the order received. */
    public synchronized void accept(List<Alert> alerts) {
        Instant now = clock.instant();
        for (Alert alert : alerts) {
            Map<String, String> labels = Route.matchable(alert);
            for (Route route : routes.select(alert)) {
                for (ConversationRef conversation : route.to()) {
                    GroupKey key = new GroupKey(route.name(), conversation, route.groupBy().groupLabels(labels));
                    AlertGroup group = byKey.computeIfAbsent(key, k -> open(k, route, now));
                    if (group.apply(alert, now)) {
                        lanes.get(conversation).changed(group);
                    }
                    idsByFingerprint.computeIfAbsent(alert.fingerprint(), f -> new LinkedHashSet<>()).add(group.id);
                }
            }
        }
    }

    private AlertGroup open(GroupKey key, Route route, Instant now) {
        String id = key.id(0);
        for (int attempt = 1; byId.containsKey(id); attempt++) {
            id = key.id(attempt);
        }
        AlertGroup group = new AlertGroup(id, key, route, now);
        byId.put(id, group);
        lanes.computeIfAbsent(key.conversation(), c -> new ConversationLane(c, budget)).groups.put(id, group);
        return group;
    }

    /**
     * What to post or edit now by the router's clock, read once the lock is held: a caller that waited for the lock
     * (a webhook storing a large batch) does not charge the rate budget at a time already past, which would let its
     * next action follow this one by less than the budget allows.
     */
    public synchronized List<PostAction> tick() {
        return tick(clock.instant());
    }

    /** What to post or edit at {@code now}, conversation by conversation; empty when nothing is due. */
    public synchronized List<PostAction> tick(Instant now) {
        Objects.requireNonNull(now, "now");
        List<PostAction> actions = new ArrayList<>();
        for (ConversationLane lane : lanes.values()) {
            actions.addAll(lane.plan(now));
        }
        forgetClosedBefore(now.minus(CLOSED_RETENTION));
        return actions;
    }

    /**
     * The {@link PostAction.Say} for {@code groupId} was delivered as {@code messageId}: later changes edit it. An
     * unknown id (a group forgotten meanwhile) is ignored.
     */
    public synchronized void posted(String groupId, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        AlertGroup group = byId.get(groupId);
        if (group != null) {
            group.message = new MessageRef(group.key.conversation(), messageId);
            group.awaitingRef = false;
            return;
        }
        summaryNamed(groupId).ifPresentOrElse(summary -> {
            summary.message = new MessageRef(laneOf(summary).conversation, messageId);
            summary.awaitingRef = false;
        }, () -> log.debug("posted for unknown alert group {}", groupId));
    }

    /**
     * The last action for {@code groupId} could not be delivered (or its message is gone): the router forgets the
     * message and posts the group anew when tokens allow.
     */
    public synchronized void failed(String groupId) {
        AlertGroup group = byId.get(groupId);
        if (group != null && !group.closed) {
            group.message = null;
            group.awaitingRef = false;
            group.dirty = true;
            return;
        }
        summaryNamed(groupId).filter(s -> !s.closed).ifPresent(summary -> {
            summary.message = null;
            summary.awaitingRef = false;
            summary.dirty = true;
        });
    }

    /**
     * {@code userId} acked group {@code groupId} at {@code at}: its message says so, edited like any other change
     * (a new episode of the group starts un-acked). False for an unknown or closed group.
     */
    public synchronized boolean acked(String groupId, String userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        AlertGroup group = byId.get(groupId);
        if (group == null || group.closed) {
            return false;
        }
        group.ackedBy = userId;
        group.ackedAt = at;
        group.dirty = true;
        lanes.get(group.key.conversation()).changed(group);
        return true;
    }

    /** The group with this id, open or recently closed. */
    public synchronized Optional<GroupState> group(String id) {
        return Optional.ofNullable(byId.get(id)).map(AlertGroup::state);
    }

    /** Every group the router holds, conversation by conversation, in the order they opened. */
    public synchronized List<GroupState> groups() {
        return lanes.values().stream().flatMap(l -> l.groups.values().stream()).map(AlertGroup::state).toList();
    }

    /** The ids of the groups holding the alert with {@code fingerprint}, in the order it joined them. */
    public synchronized List<String> groupsOf(String fingerprint) {
        return idsByFingerprint.getOrDefault(fingerprint, Set.of()).stream()
                .filter(id -> byId.containsKey(id) && byId.get(id).holds(fingerprint)).toList();
    }

    private Optional<StormSummary> summaryNamed(String id) {
        return lanes.values().stream().map(l -> l.summary).filter(s -> s != null && s.id.equals(id)).findFirst();
    }

    private ConversationLane laneOf(StormSummary summary) {
        return lanes.values().stream().filter(l -> l.summary == summary).findFirst().orElseThrow();
    }

    private void forgetClosedBefore(Instant cutoff) {
        for (ConversationLane lane : lanes.values()) {
            lane.groups.values().removeIf(group -> {
                boolean forget = group.closed && group.closedAt.isBefore(cutoff);
                if (forget) {
                    byKey.remove(group.key);
                    byId.remove(group.id);
                    for (Alert alert : group.alerts()) {
                        Set<String> ids = idsByFingerprint.get(alert.fingerprint());
                        if (ids != null && ids.remove(group.id) && ids.isEmpty()) {
                            idsByFingerprint.remove(alert.fingerprint());
                        }
                    }
                }
                return forget;
            });
        }
    }
}
