package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.chat.Dispatcher;
import dev.switchboard.core.chat.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher's de-duplication and the outbox's queue on an H2 file database, across a restart. */
class ChatRestartTest {
    private static final ConversationRef OPS = ConversationRef.of("slack", "C024BE91L");
    private static final Outbox.Settings FAST = new Outbox.Settings(Duration.ofMillis(5), Duration.ofMillis(20), 1000,
            Duration.ofMinutes(5), Duration.ofMillis(5), Duration.ofSeconds(10), 100);

    @TempDir
    Path dir;

    private StorageSettings settings() {
        return StorageSettings.of("jdbc:h2:file:" + dir.resolve("switchboard"), "sb", "h2-Chat-Pa55word");
    }

    /** A platform that can be down; remembers what it shows. */
    private static final class Platform implements ChatGateway {
        final List<String> shown = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized MessageRef say(ConversationRef to, Reply reply) {
            if (down) {
                throw new AdapterException("slack: HTTP 503");
            }
            shown.add(reply.plainText());
            return new MessageRef(to, "17000000" + shown.size() + ".000100");
        }

        @Override
        public synchronized MessageRef edit(MessageRef message, Reply reply) {
            if (down) {
                throw new AdapterException("slack: HTTP 503");
            }
            shown.add("(edit " + message.messageId() + ") " + reply.plainText());
            return message;
        }

        synchronized List<String> shown() {
            return List.copyOf(shown);
        }

        @Override
        public Capabilities capabilities(String platform) {
            return new Capabilities(true, true, true, true, 40_000, true);
        }
    }

    @Test
    void messagesQueuedBeforeARestartAreDeliveredInOrderAfterIt() {
        Platform slack = new Platform();
        slack.down = true;
        MessageRef job;
        try (JdbcStorage before = JdbcStorage.open(settings());
                Outbox outbox = new Outbox(slack, before.outbox(), Clock.systemUTC(), FAST, (m, r) -> { })) {
            outbox.say(OPS, Reply.text("deploy web started"));
            job = outbox.say(OPS, Reply.text("job 12: 0%"));
            outbox.edit(job, Reply.text("job 12: 40%"));
            outbox.edit(job, Reply.text("job 12: 80%"));
        }

        slack.down = false;
        try (JdbcStorage after = JdbcStorage.open(settings());
                Outbox outbox = new Outbox(slack, after.outbox(), Clock.systemUTC(), FAST, (m, r) -> { })) {
            // Queued before delivery starts, so it supersedes the edits waiting from before the restart (started
            // first, the worker could show "80%" before this edit exists: correct, but not what this test pins).
            outbox.edit(job, Reply.text("job 12 finished"));
            outbox.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> slack.shown().size() >= 3);
            assertThat(slack.shown()).containsExactly("deploy web started", "job 12: 0%",
                    "(edit 170000002.000100) job 12 finished");
        }
    }

    @Test
    void anEventRedeliveredAfterARestartRunsOnce() {
        List<String> ran = new CopyOnWriteArrayList<>();
        InboundMessage event = new InboundMessage("Ev0B7TJ2AA", new PlatformUser("slack", "T01/U1", "alice", true),
                OPS, "deploy web", Instant.parse("2026-03-01T10:15:30Z"), false);
        Dispatcher.Settings settings = new Dispatcher.Settings(10, 2, 10, Duration.ofSeconds(5));
        try (JdbcStorage before = JdbcStorage.open(settings());
                Dispatcher dispatcher = new Dispatcher(m -> ran.add(m.eventId()), new Platform(),
                        before.inboundEvents(), settings)) {
            dispatcher.accept(event);
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
        }
        try (JdbcStorage after = JdbcStorage.open(settings());
                Dispatcher dispatcher = new Dispatcher(m -> ran.add(m.eventId()), new Platform(),
                        after.inboundEvents(), settings)) {
            dispatcher.accept(event);
            await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.redelivered() == 1);
        }
        assertThat(ran).containsExactly("Ev0B7TJ2AA");
    }
}
