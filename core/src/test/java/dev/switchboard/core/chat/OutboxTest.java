package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final ConversationRef OPS = ConversationRef.of("web", "#ops");
    private static final Outbox.Settings SETTINGS = new Outbox.Settings(Duration.ofSeconds(1), Duration.ofSeconds(8),
            5, Duration.ofMinutes(15), Duration.ofMillis(10), Duration.ofSeconds(30), 100);

    private final ManualClock clock = new ManualClock();
    private final FlakyPlatform platform = new FlakyPlatform();
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final Outbox outbox = new Outbox(platform, store, clock, SETTINGS,
            (message, reason) -> reported.add(message.id() + " " + message.state() + ": " + reason),
            new SplittableRandom(7));

    /** Moves time past any backoff and runs delivery rounds until nothing more is delivered (bounded). */
    private void recover() {
        platform.down(false);
        for (int round = 0; round < 50; round++) {
            clock.advance(SETTINGS.maxRetry());
            outbox.deliverDue();
            if (store.backlog().isEmpty()) {
                outbox.deliverDue(); // lets the outbox see the queue is empty
                return;
            }
        }
    }

    @Test
    void aMessageToAnAvailablePlatformIsPostedAtOnceWithItsRealReference() {
        MessageRef posted = outbox.say(OPS, Reply.text("hello"));

        assertThat(posted.messageId()).isEqualTo("m1");
        assertThat(platform.transcript()).containsExactly("hello");
        assertThat(store.find(1)).isEmpty();
    }

    @Test
    void messagesSaidDuringAnOutageArriveInOrderAfterItEnds() {
        platform.down(true);
        MessageRef first = outbox.say(OPS, Reply.text("one"));
        outbox.say(OPS, Reply.text("two"));
        outbox.say(OPS, Reply.text("three"));
        clock.advance(SETTINGS.maxRetry());
        assertThat(outbox.deliverDue()).isZero();

        assertThat(first.messageId()).startsWith("outbox:");
        assertThat(outbox.backlogged()).containsExactly("web:#ops");
        recover();

        assertThat(platform.transcript()).containsExactly("one", "two", "three");
        assertThat(outbox.backlogged()).isEmpty();
        assertThat(outbox.say(OPS, Reply.text("four")).messageId()).isEqualTo("m4");
        assertThat(reported).isEmpty();
    }

    @Test
    void aNewMessageWaitsBehindQueuedOnesEvenOnceThePlatformIsBack() {
        platform.down(true);
        outbox.say(OPS, Reply.text("queued during the outage"));
        platform.down(false);

        MessageRef later = outbox.say(OPS, Reply.text("said after it"));

        assertThat(later.messageId()).startsWith("outbox:");
        assertThat(platform.transcript()).isEmpty();
        recover();
        assertThat(platform.transcript()).containsExactly("queued during the outage", "said after it");
    }

    @Test
    void anOutageInOneConversationDoesNotHoldUpAnother() {
        ConversationRef dev = ConversationRef.of("web", "#dev");
        platform.down(true);
        outbox.say(OPS, Reply.text("to ops"));
        platform.down(false);

        assertThat(outbox.say(dev, Reply.text("to dev")).messageId()).isEqualTo("m1");
    }

    @Test
    void queuedProgressEditsOfOneMessageAreCoalescedIntoTheNewest() {
        MessageRef job = outbox.say(OPS, Reply.text("job 7 started"));
        platform.down(true);
        outbox.edit(job, Reply.text("job 7: 10%"));
        outbox.edit(job, Reply.text("job 7: 50%"));
        outbox.edit(job, Reply.text("job 7 finished"));
        recover();

        assertThat(platform.log()).containsExactly("say m1 job 7 started", "edit m1 job 7 finished");
    }

    @Test
    void editsOfAQueuedMessageReachItOnceItIsDelivered() {
        platform.down(true);
        MessageRef job = outbox.say(OPS, Reply.text("job 8 started"));
        outbox.edit(job, Reply.text("job 8: 50%"));
        outbox.edit(job, Reply.text("job 8 finished"));
        recover();

        assertThat(platform.log()).containsExactly("say m1 job 8 started", "edit m1 job 8 finished");
        assertThat(outbox.edit(job, Reply.text("job 8 finished, 2 warnings")).messageId()).isEqualTo("m1");
        assertThat(platform.transcript()).containsExactly("job 8 finished, 2 warnings");
    }

    @Test
    void aMessageStillFailingAfterTheLastAttemptIsReportedFailedExactlyOnce() {
        platform.down(true);
        outbox.say(OPS, Reply.text("never arrives"));
        for (int round = 0; round < 20; round++) {
            clock.advance(SETTINGS.maxRetry());
            outbox.deliverDue();
        }

        assertThat(reported).containsExactly("1 FAILED: platform unavailable (HTTP 503)");
        // one immediate try, then maxAttempts retries; none after giving up
        assertThat(platform.attempts()).isEqualTo(1 + SETTINGS.maxAttempts());
        assertThat(store.find(1).orElseThrow().state()).isEqualTo(OutboxStore.State.FAILED);
        outbox.deliverDue();
        platform.down(false);
        assertThat(outbox.say(OPS, Reply.text("the next one")).messageId()).isEqualTo("m1");
    }

    @Test
    void aMessageOlderThanTheBoundIsGivenUpAtItsNextFailedAttempt() {
        platform.down(true);
        outbox.say(OPS, Reply.text("stale"));
        clock.advance(SETTINGS.giveUpAfter());
        outbox.deliverDue();

        assertThat(reported).containsExactly("1 FAILED: platform unavailable (HTTP 503)");
        assertThat(platform.attempts()).isEqualTo(2);
    }

    @Test
    void editingAMessageThatWasNeverDeliveredFailsLoudly() {
        platform.down(true);
        MessageRef lost = outbox.say(OPS, Reply.text("lost"));
        clock.advance(SETTINGS.giveUpAfter());
        outbox.deliverDue();

        assertThatThrownBy(() -> outbox.edit(lost, Reply.text("update")))
                .hasMessage("cannot edit message " + lost.messageId() + " in web:#ops: it was never delivered");
    }

    @Test
    void aMessageToAPlatformWithoutAnAdapterFailsAtOnceInsteadOfQueueing() {
        Outbox noAdapters = new Outbox(new AdapterGateway(), store, clock, SETTINGS, (m, r) -> reported.add(r));

        assertThatThrownBy(() -> noAdapters.say(ConversationRef.of("slack", "C1"), Reply.text("hi")))
                .isInstanceOf(UnknownPlatformException.class)
                .hasMessageStartingWith("no chat adapter is enabled for platform slack");
        assertThat(store.backlog()).isEmpty();
    }

    @Test
    void randomOutagesNeverLoseOrReorderAMessage() {
        List<ConversationRef> rooms = List.of(OPS, ConversationRef.of("web", "#dev"), ConversationRef.of("irc", "#x"));
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            FlakyPlatform flaky = new FlakyPlatform();
            Outbox under = new Outbox(flaky, new InMemoryOutboxStore(), clock, SETTINGS, (m, r) -> reported.add(r),
                    random.split());
            List<String> said = new java.util.ArrayList<>();
            for (int step = 0; step < 60; step++) {
                flaky.down(random.nextInt(3) == 0);
                ConversationRef room = rooms.get(random.nextInt(rooms.size()));
                String text = room.id() + " " + step;
                under.say(room, Reply.text(text));
                said.add(text);
                if (random.nextInt(4) == 0) {
                    clock.advance(Duration.ofSeconds(random.nextInt(10)));
                    under.deliverDue();
                }
            }
            flaky.down(false);
            for (int round = 0; round < 200 && flaky.transcript().size() < said.size(); round++) {
                clock.advance(SETTINGS.maxRetry());
                under.deliverDue();
            }
            for (ConversationRef room : rooms) {
                assertThat(flaky.transcript()).as("seed %d in %s", seed, room)
                        .filteredOn(t -> t.startsWith(room.id() + " "))
                        .containsExactlyElementsOf(said.stream().filter(t -> t.startsWith(room.id() + " ")).toList());
            }
        }
        assertThat(reported).isEmpty();
    }
}
