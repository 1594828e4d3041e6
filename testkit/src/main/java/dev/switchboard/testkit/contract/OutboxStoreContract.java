package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.api.chat.OutboxStore.Draft;
import dev.switchboard.api.chat.OutboxStore.Entry;
import dev.switchboard.api.chat.OutboxStore.Kind;
import dev.switchboard.api.chat.OutboxStore.State;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutboxStore} must do. Subclasses return the store under test; it may be shared with other
 * tests (a database), so every test queues into conversations of its own and looks only at those. Times are kept
 * to the millisecond, the precision every store keeps.
 */
public abstract class OutboxStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.125Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** The store under test; the same store within a test. */
    protected abstract OutboxStore store();

    private static ConversationRef room() {
        return ConversationRef.of("slack", "C-" + UUID.randomUUID());
    }

    private static Draft say(ConversationRef to, String text) {
        return new Draft(to, Kind.SAY, null, Reply.text(text), T0, T0, null);
    }

    private static Draft edit(ConversationRef to, String target, String text) {
        return new Draft(to, Kind.EDIT, target, Reply.text(text), T0, T0, null);
    }

    private List<String> dueIn(Instant now, ConversationRef... rooms) {
        List<ConversationRef> mine = List.of(rooms);
        return store().due(now, 10_000).stream()
                .filter(e -> mine.contains(ConversationRef.of(e.to().platform(), e.to().id())))
                .map(e -> e.reply().plainText()).toList();
    }

    private Entry stored(long id) {
        return store().find(id).orElseThrow();
    }

    @Test
    void aQueuedMessageComesBackExactlyAsQueued() {
        ConversationRef thread = room().inThread("1700000000.000100");
        Reply reply = Reply.builder().text("deploy \"web\" finished\nsecond line ✓").code("$ ./deploy\nok")
                .field("status", "done").field("took", "")
                .table(List.of("host", "state"), List.of(List.of("web-1", "up"), List.of("web-2", "down")))
                .buttons(new Button("Roll back", "rollback web", Button.Style.DANGER), Button.of("Logs", "logs 7"))
                .build();
        long id = store().enqueue(new Draft(thread, Kind.SAY, null, reply, T0, T0.plusSeconds(2), "HTTP 503"));

        assertThat(stored(id)).isEqualTo(new Entry(id, thread, Kind.SAY, null, reply, 0, T0.plusSeconds(2), null, T0,
                State.PENDING, null, "HTTP 503"));
    }

    @Test
    void aQueuedFileComesBackWithItsNameMediaTypeAndText() {
        ConversationRef to = room();
        Reply reply = Reply.builder().text("postmortem for INC-3")
                .add(new Block.File("INC-3-postmortem.md", "text/markdown", "# INC-3\n\n| when | what |\n✓ \"done\""))
                .build();
        long id = store().enqueue(new Draft(to, Kind.SAY, null, reply, T0, T0, null));

        assertThat(stored(id).reply()).isEqualTo(reply);
    }

    @Test
    void onlyTheFirstPendingMessageOfEachConversationIsDue() {
        ConversationRef ops = room();
        ConversationRef dev = room();
        long first = store().enqueue(say(ops, "ops 1"));
        store().enqueue(say(ops, "ops 2"));
        store().enqueue(say(dev, "dev 1"));

        assertThat(dueIn(T0, ops, dev)).containsExactly("ops 1", "dev 1");
        assertThat(store().claim(first, 0, T0.plus(LEASE))).isTrue();
        assertThat(store().sent(first, "1700000001.000200")).isTrue();
        assertThat(dueIn(T0, ops, dev)).containsExactly("ops 2", "dev 1");
        assertThat(stored(first).state()).isEqualTo(State.SENT);
        assertThat(stored(first).deliveredId()).isEqualTo("1700000001.000200");
    }

    @Test
    void aMessageBackingOffHoldsUpItsWholeConversation() {
        ConversationRef ops = room();
        long first = store().enqueue(say(ops, "first"));
        store().enqueue(say(ops, "second"));
        store().claim(first, 0, T0.plus(LEASE));

        assertThat(store().retryAt(first, T0.plusSeconds(4), "platform unavailable")).isTrue();

        assertThat(dueIn(T0.plusSeconds(3), ops)).isEmpty();
        assertThat(dueIn(T0.plusSeconds(4), ops)).containsExactly("first");
        assertThat(stored(first).attempts()).isEqualTo(1);
        assertThat(stored(first).lastError()).isEqualTo("platform unavailable");
        assertThat(stored(first).claimedUntil()).isNull();
    }

    @Test
    void aClaimedMessageIsNotDueUntilItsLeaseRunsOut() {
        ConversationRef ops = room();
        long id = store().enqueue(new Draft(ops, Kind.SAY, null, Reply.text("later"), T0, T0.plusSeconds(10), null));

        assertThat(dueIn(T0, ops)).isEmpty();
        assertThat(store().claim(id, 0, T0.plusSeconds(10).plus(LEASE))).isTrue();
        assertThat(dueIn(T0.plusSeconds(11), ops)).isEmpty();
        assertThat(dueIn(T0.plusSeconds(10).plus(LEASE), ops)).containsExactly("later");
        assertThat(store().claim(id, 1, T0.plus(LEASE).plus(LEASE))).isTrue();
        assertThat(stored(id).attempts()).isEqualTo(2);
    }

    @Test
    void ofManyWorkersClaimingOneAttemptExactlyOneWins() throws Exception {
        long id = store().enqueue(say(room(), "once"));

        List<Boolean> claims = Concurrently.run(8, i -> () -> store().claim(id, 0, T0.plus(LEASE)));

        assertThat(claims).containsOnlyOnce(true);
        assertThat(store().claim(id, 0, T0.plus(LEASE))).isFalse();
    }

    @Test
    void aMessageIsGivenUpExactlyOnceAndThenUnblocksItsConversation() throws Exception {
        ConversationRef ops = room();
        long doomed = store().enqueue(say(ops, "doomed"));
        store().enqueue(say(ops, "next"));

        List<Boolean> failures = Concurrently.run(8, i -> () -> store().failed(doomed, "gave up after 15 minutes"));

        assertThat(failures).containsOnlyOnce(true);
        assertThat(stored(doomed).state()).isEqualTo(State.FAILED);
        assertThat(stored(doomed).lastError()).isEqualTo("gave up after 15 minutes");
        assertThat(store().sent(doomed, "late")).isFalse();
        assertThat(store().retryAt(doomed, T0, "again")).isFalse();
        assertThat(dueIn(T0, ops)).containsExactly("next");
    }

    @Test
    void queuedEditsOfOneMessageAreCoalescedWhileNoWorkerHoldsThem() {
        ConversationRef ops = room();
        long first = store().enqueue(edit(ops, "m1", "10%"));

        assertThat(store().enqueue(edit(ops, "m1", "50%"))).isEqualTo(first);
        assertThat(stored(first).reply()).isEqualTo(Reply.text("50%"));
        assertThat(store().enqueue(edit(ops, "m2", "other message"))).isNotEqualTo(first);

        store().claim(first, 0, T0.plus(LEASE));
        long afterClaim = store().enqueue(edit(ops, "m1", "done"));
        assertThat(afterClaim).isNotEqualTo(first);
        assertThat(stored(first).reply()).isEqualTo(Reply.text("50%"));
        assertThat(stored(afterClaim).reply()).isEqualTo(Reply.text("done"));
    }

    @Test
    void newMessagesAreNeverCoalesced() {
        ConversationRef ops = room();

        assertThat(store().enqueue(say(ops, "same"))).isNotEqualTo(store().enqueue(say(ops, "same")));
    }

    @Test
    void theBacklogNamesConversationsWithPendingMessagesWithoutTheirThreads() {
        ConversationRef ops = room();
        ConversationRef done = room();
        store().enqueue(say(ops.inThread("t1"), "in a thread"));
        long finished = store().enqueue(say(done, "delivered"));
        store().sent(finished, "m9");

        assertThat(store().backlog()).contains(ops).doesNotContain(done, ops.inThread("t1"));
    }

    @Test
    void forgettingRemovesOnlyDeliveredAndFailedMessages() {
        // Long before any other test's messages, so forgetting touches only these.
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        ConversationRef ops = room();
        long delivered = store().enqueue(new Draft(ops, Kind.SAY, null, Reply.text("a"), old, old, null));
        long failed = store().enqueue(new Draft(ops, Kind.SAY, null, Reply.text("b"), old, old, null));
        long waiting = store().enqueue(new Draft(ops, Kind.SAY, null, Reply.text("c"), old, old, null));
        store().sent(delivered, "m1");
        store().failed(failed, "platform gone");

        assertThat(store().forgetBefore(old.plusSeconds(1))).isEqualTo(2);
        assertThat(store().find(delivered)).isEmpty();
        assertThat(store().find(failed)).isEmpty();
        assertThat(stored(waiting).state()).isEqualTo(State.PENDING);
    }

    @Test
    void aMessageWithEveryKindOfBlockSurvivesAsQueued() {
        Reply reply = new Reply(List.of(new Block.Text(""), new Block.Fields(List.of()),
                new Block.Table(List.of("only"), List.of()), new Block.Buttons(List.of())));
        long id = store().enqueue(new Draft(room(), Kind.EDIT, "outbox:17", reply, T0, T0, null));

        assertThat(stored(id).reply()).isEqualTo(reply);
        assertThat(stored(id).target()).isEqualTo("outbox:17");
        assertThat(stored(id).kind()).isEqualTo(Kind.EDIT);
    }
}
