package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IRC behaviour beyond the contract, against real ngIRCd servers, some of which are killed on purpose. */
class IrcChatAdapterIT {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final ConversationRef OPS = ConversationRef.of("irc", "#ops");

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final int run = RUNS.incrementAndGet();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void repliesQueuedWhileTheServerIsDownArriveInOrderAfterItComesBack() {
        TestIrcd ircd = own(TestIrcd.startOwn());
        // The bot waits at least 6 s before reconnecting, so the watcher has rejoined before the bot speaks again
        // even on a loaded machine (IRC has no history: a line said before the watcher joined is never seen).
        IrcChatAdapter bot = started(settings(ircd).withReconnect(Duration.ofSeconds(6), Duration.ofSeconds(8)));
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "watch" + run)).join("#ops");
        bot.send(OPS, Reply.text("before the outage"));
        waiting().until(() -> watcher.seen("#ops").contains("before the outage"));
        // Confirmed by the server's PONG, so it is not written again after the reconnect.
        waiting().until(() -> bot.queuedLines() == 0);

        ircd.kill();
        waiting().until(() -> !bot.health().ready());
        assertThat(bot.health().state()).isIn(AdapterHealth.State.RECONNECTING, AdapterHealth.State.FAILED);
        assertThat(bot.health().lastError()).isNotBlank();
        CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
            bot.send(OPS, Reply.text("during the outage 1"));
            bot.send(OPS, Reply.text("during the outage 2"));
        });
        waiting().until(() -> bot.queuedLines() > 0);
        ircd.restart();
        IrcUser back = own(IrcUser.connect(ircd.host(), ircd.port(), "back" + run)).join("#ops");

        waiting().until(() -> bot.health().ready());
        waiting().until(() -> back.seen("#ops").size() >= 2);
        assertThat(back.seen("#ops")).containsExactly("during the outage 1", "during the outage 2");
        assertThat(queued).succeedsWithin(Duration.ofSeconds(10));
        back.say("#ops", "!status web");
        waiting().until(() -> received.stream().anyMatch(m -> m.text().equals("status web")));
    }

    @Test
    void aServerThatFallsSilentWithoutClosingIsNoticedReconnectedAndGetsTheQueuedReply() {
        TestIrcd ircd = own(TestIrcd.startOwn());
        IrcChatAdapter bot = started(settings(ircd).withKeepAlive(Duration.ofMillis(500)));
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "hung" + run)).join("#ops");
        // Idle for several keep-alive periods: a server that answers the pings is never declared dead.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(bot.health().state()).isEqualTo(AdapterHealth.State.CONNECTED);

        ircd.freeze();
        CompletableFuture<Void> queued;
        try {
            waiting().until(() -> !bot.health().ready());
            AdapterHealth first = bot.health();
            assertThat(first.state()).isEqualTo(AdapterHealth.State.RECONNECTING);
            assertThat(first.lastError())
                    .startsWith("no traffic from " + ircd.host() + ":" + ircd.port() + " for ")
                    .endsWith(" s; reconnecting");
            queued = CompletableFuture.runAsync(() -> bot.send(OPS, Reply.text("during the hang")));
            // The frozen server's kernel still accepts the new connection, which never registers: given up on too.
            waiting().until(() -> bot.health().since().isAfter(first.since()));
            assertThat(bot.health().lastError()).startsWith("no traffic from ");
            assertThat(bot.health().ready()).isFalse();
        } finally {
            ircd.thaw();
        }

        waiting().until(() -> bot.health().ready());
        assertThat(queued).succeedsWithin(Duration.ofSeconds(30));
        waiting().until(() -> watcher.seen("#ops").contains("during the hang"));
        watcher.say("#ops", "!status web");
        waiting().until(() -> received.stream().anyMatch(m -> m.text().equals("status web")));
    }

    @Test
    void aBurstOf300RepliesArrivesCompleteAndInOrder() {
        TestIrcd ircd = own(TestIrcd.obtain());
        IrcChatAdapter bot = started(settings(ircd).withRate(2_000, 50));
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "burst" + run)).join("#ops");
        List<String> expected = IntStream.rangeClosed(1, 300).mapToObj(i -> "burst line " + i + " of 300").toList();

        expected.forEach(line -> bot.send(OPS, Reply.text(line)));

        waiting().until(() -> watcher.seen("#ops").size() >= 300);
        assertThat(watcher.seen("#ops")).containsExactlyElementsOf(expected);
    }

    @Test
    void aLongReplyIsSplitIntoLinesWithinTheByteLimitOnWordBoundaries() {
        TestIrcd ircd = own(TestIrcd.obtain());
        IrcChatAdapter bot = started(settings(ircd).withMaxLineBytes(100));
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "long" + run)).join("#ops");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("wört-").append(i).append("-€😀 ");
        }

        bot.send(OPS, Reply.text(text.toString().strip()));

        waiting().until(() -> String.join(" ", watcher.seen("#ops")).equals(text.toString().strip()));
        assertThat(watcher.seen("#ops")).hasSizeGreaterThan(5).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
            assertThat(line).startsWith("wört-").endsWith("😀");
        });
    }

    @Test
    void aNickWithoutAnAccountIsAnUnverifiedUserAndPrivateRepliesReachThem() {
        TestIrcd ircd = own(TestIrcd.obtain());
        IrcChatAdapter bot = started(settings(ircd));
        IrcUser carol = own(IrcUser.connect(ircd.host(), ircd.port(), "carol" + run)).join("#ops");

        carol.say("#ops", "sb" + run + ": deploy web");
        carol.say("#ops", "just chatting");
        carol.say("sb" + run, "help");

        waiting().until(() -> received.size() >= 2);
        assertThat(received).extracting(InboundMessage::text).containsExactly("deploy web", "help");
        assertThat(received.getFirst().user().id()).isEqualTo("carol" + run);
        assertThat(received.getFirst().user().verified()).isFalse();
        assertThat(bot.capabilities().verifiedIdentities()).isFalse();
        bot.send(received.get(1).conversation(), Reply.text("try: status web"));
        waiting().until(() -> carol.seen("dm:sb" + run).contains("try: status web"));
    }

    @Test
    void aReplyThatCannotBeDeliveredInTimeFailsAndShowsInHealth() {
        TestIrcd ircd = own(TestIrcd.startOwn());
        // No reconnect attempt for 10 s: its error must not replace the send's failure before the test reads it.
        IrcChatAdapter bot = started(settings(ircd).withQueue(Duration.ofMillis(500), 100)
                .withReconnect(Duration.ofSeconds(10), Duration.ofSeconds(20)));
        ircd.kill();
        waiting().until(() -> !bot.health().ready());

        assertThatThrownBy(() -> bot.send(OPS, Reply.text("nobody hears this")))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("was not delivered within PT0.5S");
        assertThat(bot.health().lastError()).contains("was not delivered");
        assertThat(bot.queuedLines()).isZero();
    }

    @Test
    void aStoppedAdapterLeavesNoThreadThatKeepsTheJvmAlive() {
        TestIrcd ircd = own(TestIrcd.obtain());
        IrcChatAdapter bot = new IrcChatAdapter(settings(ircd).withRate(IrcSettings.MAX_LINES_PER_SECOND, 1_000));
        bot.start(received::add);
        waiting().until(() -> bot.health().ready());
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "exit" + run)).join("#ops");
        IntStream.range(0, 200).forEach(i -> bot.send(OPS, Reply.text("line " + i)));

        bot.stop();

        waiting().until(() -> watcher.seen("#ops").size() == 200);
        waiting().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.isAlive() && !thread.isDaemon())
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("KICL") || name.startsWith("irc-")));
    }

    @Test
    void stopConfirmsTheLinesAlreadyWrittenInsteadOfFailingThem() {
        TestIrcd ircd = own(TestIrcd.obtain());
        IrcChatAdapter bot = new IrcChatAdapter(settings(ircd).withRate(IrcSettings.MAX_LINES_PER_SECOND, 1_000));
        bot.start(received::add);
        waiting().until(() -> bot.health().ready());
        IrcUser watcher = own(IrcUser.connect(ircd.host(), ircd.port(), "stop" + run)).join("#ops");
        bot.send(OPS, Reply.text("last words"));
        assertThat(bot.queuedLines()).isEqualTo(1); // written, not yet confirmed: the queue lingers before its PING

        bot.stop();

        assertThat(bot.queuedLines()).isZero();
        waiting().until(() -> watcher.seen("#ops").contains("last words"));
    }

    private IrcSettings settings(TestIrcd ircd) {
        return IrcSettings.of(ircd.host(), ircd.port(), "sb" + run, List.of("#ops"))
                .withRate(100, 10).withReconnect(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    private IrcChatAdapter started(IrcSettings settings) {
        IrcChatAdapter bot = new IrcChatAdapter(settings);
        open.add(bot::stop);
        bot.start(received::add);
        waiting().until(() -> bot.health().ready());
        return bot;
    }

    private <T extends AutoCloseable> T own(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10));
    }
}
