package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's worker on its own thread, and a restart in the middle of an outage. */
class OutboxRestartTest {
    private static final ConversationRef OPS = ConversationRef.of("web", "#ops");
    private static final Outbox.Settings FAST = new Outbox.Settings(Duration.ofMillis(5), Duration.ofMillis(20), 1000,
            Duration.ofMinutes(5), Duration.ofMillis(5), Duration.ofSeconds(10), 100);

    @Test
    void messagesQueuedBeforeARestartAreDeliveredFirstByTheNextRun() {
        FlakyPlatform platform = new FlakyPlatform();
        InMemoryOutboxStore store = new InMemoryOutboxStore();
        platform.down(true);
        try (Outbox before = new Outbox(platform, store, Clock.systemUTC(), FAST, (m, r) -> { })) {
            before.start();
            before.say(OPS, Reply.text("one"));
            before.say(OPS, Reply.text("two"));
        }
        assertThat(platform.transcript()).isEmpty();

        platform.down(false);
        try (Outbox after = new Outbox(platform, store, Clock.systemUTC(), FAST, (m, r) -> { })) {
            after.start();
            after.say(OPS, Reply.text("three"));
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.transcript().size() == 3);
            assertThat(platform.transcript()).containsExactly("one", "two", "three");
            await().atMost(Duration.ofSeconds(5)).until(() -> after.backlogged().isEmpty());
            assertThat(after.say(OPS, Reply.text("four")).messageId()).isEqualTo("m4");
        }
    }

    @Test
    void theWorkerDeliversOnItsOwnOnceThePlatformIsBack() {
        FlakyPlatform platform = new FlakyPlatform();
        try (Outbox outbox = new Outbox(platform, new InMemoryOutboxStore(), Clock.systemUTC(), FAST, (m, r) -> { })) {
            outbox.start();
            platform.down(true);
            outbox.say(OPS, Reply.text("during the outage"));
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.attempts() >= 3);
            platform.down(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.transcript().size() == 1);
            assertThat(platform.transcript()).containsExactly("during the outage");
        }
    }
}
