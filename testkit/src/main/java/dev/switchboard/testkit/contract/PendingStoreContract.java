package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.approval.PendingRequest.Kind;
import dev.switchboard.api.approval.PendingRequest.State;
import dev.switchboard.api.approval.PendingRequest.Vote;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PendingStore} must do. Subclasses return the store under test from {@link #store()}; it may be
 * shared with other tests (a database), so every test uses ids of its own and looks only at its own requests.
 * Times are passed explicitly and kept to the millisecond, the precision every store keeps.
 */
public abstract class PendingStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.125Z");
    private static final Duration TTL = Duration.ofMinutes(30);

    /** The store under test; called once or more per test, always the same store within a test. */
    protected abstract PendingStore store();

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, String> deployArgs() {
        // Deliberately not alphabetical: a store must keep the order people were shown.
        Map<String, String> args = new LinkedHashMap<>();
        args.put("service", "web");
        args.put("version", "1.4.2");
        args.put("env", "prod");
        args.put("token", "***");
        return args;
    }

    private static PendingRequest approval(String id, Instant created) {
        InboundMessage asked = new InboundMessage("evt-" + id, new PlatformUser("slack", "T01/U123", "Alice A.", true),
                new ConversationRef("slack", "C024BE91L", "1700000000.000100"), "deploy web 1.4.2 to prod",
                created.minusMillis(40), false);
        return new PendingRequest(id, Kind.APPROVAL, "corr-" + id, asked, "alice", "deploy.service", deployArgs(),
                "9f2c41", "prod deploys need an SRE", List.of("group:sre", "user:bob"), 2, created,
                created.plus(TTL), State.PENDING, List.of(), null);
    }

    private static PendingRequest confirmation(String id, String correlationId, Instant created) {
        InboundMessage asked = new InboundMessage("evt-" + id, new PlatformUser("irc", "alice", "alice", false),
                ConversationRef.of("irc", "dm:alice"), "", created, true);
        return new PendingRequest(id, Kind.CONFIRMATION, correlationId, asked, "alice", "restart.db", Map.of(),
                "00aa11", "restarts are confirmed", List.of(), 1, created, created.plus(TTL), State.PENDING,
                List.of(), null);
    }

    private static PendingRequest expiringAt(String id, Instant created, Instant expires) {
        PendingRequest base = approval(id, created);
        return new PendingRequest(base.id(), base.kind(), base.correlationId(), base.request(), base.requesterId(),
                base.commandId(), base.shownArgs(), base.argsHash(), base.rule(), base.approvers(), base.required(),
                base.created(), expires, base.state(), base.votes(), base.note());
    }

    private static Vote vote(String approver, Instant at) {
        return new Vote(approver, "slack:T01/" + approver.toUpperCase(), at);
    }

    private PendingRequest stored(String id) {
        return store().find(id).orElseThrow(() -> new AssertionError("request " + id + " is not stored"));
    }

    @Test
    void aStoredApprovalComesBackExactlyAsAsked() {
        PendingRequest asked = approval(uniqueId("A"), T0);

        assertThat(store().create(asked)).isTrue();

        PendingRequest found = stored(asked.id());
        assertThat(found).isEqualTo(asked);
        assertThat(found.request().conversation().thread()).isEqualTo("1700000000.000100");
        assertThat(found.request().user().displayName()).isEqualTo("Alice A.");
        assertThat(found.shownArgs().keySet()).containsExactly("service", "version", "env", "token");
        assertThat(found.approvers()).containsExactly("group:sre", "user:bob");
        assertThat(found.note()).isNull();
    }

    @Test
    void aDirectConfirmationWithEmptyTextAndNoArgumentsComesBackExactlyAsAsked() {
        PendingRequest asked = confirmation(uniqueId("C"), uniqueId("corr"), T0);

        assertThat(store().create(asked)).isTrue();

        PendingRequest found = stored(asked.id());
        assertThat(found).isEqualTo(asked);
        assertThat(found.request().direct()).isTrue();
        assertThat(found.request().user().verified()).isFalse();
        assertThat(found.request().conversation().thread()).isNull();
        assertThat(found.request().text()).isEmpty();
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(store().find(uniqueId("missing"))).isEmpty();
    }

    @Test
    void aTakenIdIsRefusedAndTheFirstRequestIsKept() {
        PendingRequest first = approval(uniqueId("A"), T0);
        store().create(first);
        PendingRequest sameId = confirmation(first.id(), uniqueId("corr"), T0.plusSeconds(5));

        assertThat(store().create(sameId)).isFalse();

        assertThat(stored(first.id())).isEqualTo(first);
        assertThat(store().findByCorrelation(sameId.correlationId(), Kind.CONFIRMATION)).isEmpty();
    }

    @Test
    void aCorrelationFindsItsConfirmationAndItsApprovalSeparately() {
        PendingRequest approval = approval(uniqueId("A"), T0);
        PendingRequest confirmation = confirmation(uniqueId("C"), approval.correlationId(), T0.plusSeconds(1));
        store().create(approval);
        store().create(confirmation);

        assertThat(store().findByCorrelation(approval.correlationId(), Kind.APPROVAL)).contains(approval);
        assertThat(store().findByCorrelation(approval.correlationId(), Kind.CONFIRMATION)).contains(confirmation);
        assertThat(store().findByCorrelation(uniqueId("corr"), Kind.APPROVAL)).isEmpty();
    }

    @Test
    void aSecondRequestOfTheSameKindUnderOneCorrelationIsRefused() {
        String correlation = uniqueId("corr");
        PendingRequest first = confirmation(uniqueId("C"), correlation, T0);
        store().create(first);

        assertThatThrownBy(() -> store().create(confirmation(uniqueId("C"), correlation, T0.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(correlation);
        assertThat(store().findByCorrelation(correlation, Kind.CONFIRMATION)).contains(first);
    }

    @Test
    void votesAreKeptInTheOrderTheyWereGiven() {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        store().addVote(asked.id(), vote("carol", T0.plusSeconds(10)));
        Optional<PendingRequest> afterSecond = store().addVote(asked.id(), vote("bob", T0.plusSeconds(20)));

        List<Vote> expected = List.of(vote("carol", T0.plusSeconds(10)), vote("bob", T0.plusSeconds(20)));
        assertThat(afterSecond).map(PendingRequest::votes).contains(expected);
        assertThat(stored(asked.id())).isEqualTo(asked.withVote(expected.get(0)).withVote(expected.get(1)));
    }

    @Test
    void anApproverWhoAlreadyVotedIsNotCountedTwice() {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);
        store().addVote(asked.id(), vote("bob", T0.plusSeconds(10)));

        Optional<PendingRequest> again = store().addVote(asked.id(),
                new Vote("bob", "web:bob", T0.plusSeconds(20)));

        assertThat(again).isEmpty();
        assertThat(stored(asked.id()).votes()).containsExactly(vote("bob", T0.plusSeconds(10)));
    }

    @Test
    void aRequestNoLongerPendingTakesNoMoreVotes() {
        PendingRequest denied = approval(uniqueId("A"), T0);
        PendingRequest granted = approval(uniqueId("A"), T0);
        store().create(denied);
        store().create(granted);
        store().transition(denied.id(), State.PENDING, State.DENIED, "carol said no");
        store().transition(granted.id(), State.PENDING, State.GRANTED, null);

        assertThat(store().addVote(denied.id(), vote("bob", T0.plusSeconds(10)))).isEmpty();
        assertThat(store().addVote(granted.id(), vote("bob", T0.plusSeconds(10)))).isEmpty();
        assertThat(store().addVote(uniqueId("missing"), vote("bob", T0.plusSeconds(10)))).isEmpty();
        assertThat(stored(denied.id()).votes()).isEmpty();
        assertThat(stored(granted.id()).votes()).isEmpty();
    }

    @Test
    void aTransitionFromTheWrongStateChangesNothing() {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        assertThat(store().transition(asked.id(), State.GRANTED, State.USED, "ran")).isFalse();
        assertThat(store().transition(uniqueId("missing"), State.PENDING, State.GRANTED, null)).isFalse();

        assertThat(stored(asked.id())).isEqualTo(asked);
    }

    @Test
    void aTransitionMovesTheStateAndRecordsTheNote() {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        assertThat(store().transition(asked.id(), State.PENDING, State.DENIED, "carol: not during the freeze"))
                .isTrue();

        assertThat(stored(asked.id())).isEqualTo(asked.withState(State.DENIED, "carol: not during the freeze"));
        assertThat(store().transition(asked.id(), State.PENDING, State.GRANTED, null)).isFalse();
        assertThat(stored(asked.id()).state()).isEqualTo(State.DENIED);
    }

    @Test
    void aGrantIsUsedOnce() {
        PendingRequest asked = confirmation(uniqueId("C"), uniqueId("corr"), T0);
        store().create(asked);
        store().transition(asked.id(), State.PENDING, State.GRANTED, null);

        assertThat(store().transition(asked.id(), State.GRANTED, State.USED, null)).isTrue();
        assertThat(store().transition(asked.id(), State.GRANTED, State.USED, null)).isFalse();
        assertThat(stored(asked.id()).state()).isEqualTo(State.USED);
    }

    @Test
    void pendingListsOnlyWaitingRequestsOldestFirst() {
        PendingRequest newest = approval(uniqueId("A"), T0.plusSeconds(2));
        PendingRequest oldest = approval(uniqueId("A"), T0);
        PendingRequest middle = confirmation(uniqueId("C"), uniqueId("corr"), T0.plusSeconds(1));
        PendingRequest granted = approval(uniqueId("A"), T0.minusSeconds(1));
        for (PendingRequest request : List.of(newest, oldest, middle, granted)) {
            store().create(request);
        }
        store().transition(granted.id(), State.PENDING, State.GRANTED, null);

        assertThat(ours(store().pending(), newest, oldest, middle, granted)).containsExactly(oldest, middle, newest);
    }

    @Test
    void expiringListsOnlyWaitingRequestsWhoseTimeIsUp() {
        Instant now = T0.plus(Duration.ofHours(1));
        PendingRequest lapsedLater = expiringAt(uniqueId("A"), T0.plusSeconds(5), now.minusSeconds(1));
        PendingRequest lapsingNow = expiringAt(uniqueId("A"), T0, now);
        PendingRequest stillOpen = expiringAt(uniqueId("A"), T0, now.plusMillis(1));
        PendingRequest alreadyDenied = expiringAt(uniqueId("A"), T0, now.minusSeconds(60));
        for (PendingRequest request : List.of(lapsedLater, lapsingNow, stillOpen, alreadyDenied)) {
            store().create(request);
        }
        store().transition(alreadyDenied.id(), State.PENDING, State.DENIED, "no");

        assertThat(ours(store().expiring(now), lapsedLater, lapsingNow, stillOpen, alreadyDenied))
                .containsExactly(lapsingNow, lapsedLater);
    }

    @Test
    void eightApproversVotingAtOnceAreAllRecordedExactlyOnce() throws Exception {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        List<Optional<PendingRequest>> results = Concurrently.run(8,
                i -> () -> store().addVote(asked.id(), vote("approver" + i, T0.plusSeconds(i))));

        assertThat(results).allSatisfy(result -> assertThat(result).isPresent());
        assertThat(stored(asked.id()).votes()).extracting(Vote::approverId).hasSize(8)
                .containsExactlyInAnyOrder("approver0", "approver1", "approver2", "approver3", "approver4",
                        "approver5", "approver6", "approver7");
        for (int i = 0; i < 8; i++) {
            assertThat(results.get(i).orElseThrow().votedBy("approver" + i)).isTrue();
        }
    }

    @Test
    void oneApproverClickingEightTimesAtOnceIsCountedOnce() throws Exception {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        List<Optional<PendingRequest>> results = Concurrently.run(8,
                i -> () -> store().addVote(asked.id(), vote("bob", T0.plusSeconds(i))));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(stored(asked.id()).votes()).extracting(Vote::approverId).containsExactly("bob");
    }

    @Test
    void exactlyOneOfEightConcurrentGrantsWins() throws Exception {
        PendingRequest asked = approval(uniqueId("A"), T0);
        store().create(asked);

        List<Boolean> won = Concurrently.run(8,
                i -> () -> store().transition(asked.id(), State.PENDING, State.GRANTED, "grant " + i));

        assertThat(won).containsOnlyOnce(true);
        assertThat(stored(asked.id())).isEqualTo(asked.withState(State.GRANTED, "grant " + won.indexOf(true)));
    }

    /** The requests of this test in {@code listed}, in the order listed. */
    private static List<PendingRequest> ours(List<PendingRequest> listed, PendingRequest... mine) {
        Set<String> ids = Arrays.stream(mine).map(PendingRequest::id).collect(Collectors.toSet());
        return listed.stream().filter(request -> ids.contains(request.id())).toList();
    }
}
