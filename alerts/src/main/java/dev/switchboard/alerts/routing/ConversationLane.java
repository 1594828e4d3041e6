package dev.switchboard.alerts.routing;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the router posts to one conversation: its groups, its token bucket and its storm summary, and the
 * planning of one tick. Not thread-safe: the router holds its lock around every use.
 */
final class ConversationLane {
    private static final int SUMMARY = 0;
    private static final int NEW_CRITICAL = 1;
    private static final int RESOLVING_EDIT = 2;
    private static final int EDIT = 3;
    private static final int NEW = 4;
    private static final int REPEAT = 5;

    final ConversationRef conversation;
    final Map<String, AlertGroup> groups = new LinkedHashMap<>();
    private RateBudget budget;
    private TokenBucket bucket;
    StormSummary summary;
    private int summaries;

    ConversationLane(ConversationRef conversation, RateBudget budget) {
        this.conversation = conversation;
        this.budget = budget;
        this.bucket = new TokenBucket(budget);
    }

    /** A config reload changed the budget: new tokens from now on. */
    void rebudget(RateBudget next) {
        if (!next.equals(budget)) {
            budget = next;
            bucket = new TokenBucket(next);
        }
    }

    /** One thing that could be posted now, and how to do it. */
    private record Due(int priority, Instant since, String id, Supplier<PostAction> emit) {}

    /** A group's message would change: a folded group changes the summary instead. */
    void changed(AlertGroup group) {
        if (group.folded && summary != null && summary.members.contains(group)) {
            summary.dirty = true;
        }
    }

    List<PostAction> plan(Instant now) {
        List<AlertGroup> ready = new ArrayList<>();
        for (AlertGroup group : groups.values()) {
            if (group.closed || group.folded || group.message != null || group.awaitingRef) {
                continue;
            }
            if (group.allResolved()) {
                group.close(now); // resolved before anyone was told: nothing to say
            } else if (!now.isBefore(group.openedAt.plus(group.route.groupWait())) && !group.quietAt(now)) {
                ready.add(group);
            }
        }
        int tokens = bucket.available(now);
        boolean storming = summary != null && !summary.closed;
        if (!ready.isEmpty() && (storming || ready.size() > tokens + budget.queueable())) {
            if (!storming) {
                summary = new StormSummary(newSummaryId());
            }
            ready.forEach(summary::fold);
            ready.clear();
        }
        List<Due> due = new ArrayList<>();
        if (summary != null && !summary.closed) {
            summaryDue(now).ifPresent(due::add);
        }
        for (AlertGroup group : ready) {
            due.add(new Due(group.hasCriticalFiring() ? NEW_CRITICAL : NEW, group.openedAt, group.id,
                    () -> say(group, now, false)));
        }
        for (AlertGroup group : groups.values()) {
            if (!group.closed && !group.folded && group.message != null) {
                groupDue(group, now).ifPresent(due::add);
            }
        }
        due.sort(Comparator.comparingInt(Due::priority).thenComparing(Due::since).thenComparing(Due::id));
        List<PostAction> actions = new ArrayList<>();
        for (Due next : due.subList(0, Math.min(tokens, due.size()))) {
            bucket.take(now);
            actions.add(next.emit().get());
        }
        return actions;
    }

    private Optional<Due> groupDue(AlertGroup group, Instant now) {
        if (!group.allResolved() && reached(now, group.lastSayAt, group.route.repeatInterval())
                && !group.quietAt(now)) {
            return Optional.of(new Due(REPEAT, group.lastSayAt, group.id, () -> say(group, now, true)));
        }
        if (group.dirty && reached(now, group.lastSentAt, group.route.groupInterval())) {
            int priority = group.allResolved() ? RESOLVING_EDIT : EDIT;
            return Optional.of(new Due(priority, group.lastSentAt, group.id, () -> edit(group, now)));
        }
        return Optional.empty();
    }

    private Optional<Due> summaryDue(Instant now) {
        StormSummary s = summary;
        if (s.message == null) {
            return s.awaitingRef || !s.dirty ? Optional.empty()
                    : Optional.of(new Due(SUMMARY, now, s.id, () -> saySummary(now, false)));
        }
        if (s.firing() && reached(now, s.lastSayAt, s.repeat()) && !s.quietAt(now)) {
            return Optional.of(new Due(SUMMARY, now, s.id, () -> saySummary(now, true)));
        }
        if (s.dirty && reached(now, s.lastSentAt, s.interval())) {
            return Optional.of(new Due(SUMMARY, now, s.id, () -> editSummary(now)));
        }
        return Optional.empty();
    }

    private static boolean reached(Instant now, Instant since, Duration wait) {
        return since == null || !now.isBefore(since.plus(wait));
    }

    private PostAction say(AlertGroup group, Instant now, boolean repeat) {
        if (repeat) {
            group.pruneResolved();
        }
        Reply reply = GroupReply.render(group.state());
        group.message = null;
        group.awaitingRef = true;
        group.lastSayAt = now;
        group.lastSentAt = now;
        group.dirty = false;
        return new PostAction.Say(conversation, reply, group.id);
    }

    private PostAction edit(AlertGroup group, Instant now) {
        MessageRef message = group.message;
        Reply reply = GroupReply.render(group.state());
        group.lastSentAt = now;
        group.dirty = false;
        if (group.allResolved()) {
            group.close(now);
        }
        return new PostAction.Edit(message, reply, group.id);
    }

    private PostAction saySummary(Instant now, boolean repeat) {
        StormSummary s = summary;
        if (repeat) {
            s.pruneResolved(now);
        }
        Reply reply = SummaryReply.render(s.id, s.states());
        s.message = null;
        s.awaitingRef = true;
        s.lastSayAt = now;
        s.lastSentAt = now;
        s.dirty = false;
        return new PostAction.Say(conversation, reply, s.id);
    }

    private PostAction editSummary(Instant now) {
        StormSummary s = summary;
        MessageRef message = s.message;
        Reply reply = SummaryReply.render(s.id, s.states());
        s.lastSentAt = now;
        s.dirty = false;
        if (!s.firing()) {
            s.close(now);
        }
        return new PostAction.Edit(message, reply, s.id);
    }

    private String newSummaryId() {
        summaries++;
        // The dash keeps summary ids apart from group ids, which are letters and digits only.
        return "s-" + new GroupKey("storm-summary", conversation, Map.of("n", Integer.toString(summaries)))
                .id(0).substring(1);
    }
}
