package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.core.fixtures.Fixtures;
import dev.switchboard.core.fixtures.RecordingGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private final RecordingGateway gateway = new RecordingGateway();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    private Dispatcher start(Consumer<InboundMessage> handler, int capacity, int concurrency) {
        dispatcher = new Dispatcher(handler, gateway, new Dispatcher.Settings(capacity, concurrency, 100,
                Duration.ofSeconds(5)));
        return dispatcher;
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static InboundMessage event(String eventId, String text) {
        return new InboundMessage(eventId, new PlatformUser("web", "alice", "Alice", true),
                ConversationRef.of("web", "#ops"), text, Fixtures.NOW, false);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        start(m -> handled.add(m.eventId()), 100, 4);
        dispatcher.accept(event("ev-1", "ping"));
        dispatcher.accept(event("ev-1", "ping"));
        dispatcher.accept(event("ev-2", "ping"));

        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 2);
        dispatcher.close();
        assertThat(handled).containsExactlyInAnyOrder("ev-1", "ev-2");
    }

    @Test
    void whenTheQueueIsFullTheUserIsToldSwitchboardIsOverloaded() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(m -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(m.eventId());
        }, 1, 1);
        dispatcher.accept(event("running", "deploy"));
        busy.await();
        // One message runs, the next waits in the loop for a permit, one fills the queue, the rest overflow.
        for (int i = 0; i < 5; i++) {
            dispatcher.accept(event("ev-" + i, "ping"));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.said().isEmpty());
        assertThat(gateway.said()).allMatch(s -> s.equals("Switchboard is overloaded, try again in a moment"));
        assertThat(dispatcher.refused()).isGreaterThanOrEqualTo(3);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() + dispatcher.refused() == 6);
    }

    private static InboundMessage from(String user, String eventId, String text) {
        return new InboundMessage(eventId, new PlatformUser("web", user, user, true), ConversationRef.of("web", "#ops"),
                text, Fixtures.NOW, false);
    }

    @Test
    void onePersonsMessagesInAConversationAreHandledInOrderWhileOthersRunAlongside() throws Exception {
        CountDownLatch declaring = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(m -> {
            if (m.text().startsWith("incident declare")) {
                declaring.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handled.add(m.user().id() + ": " + m.text());
        }, 100, 8);

        dispatcher.accept(from("alice", "ev-1", "incident declare checkout is down"));
        declaring.await();
        dispatcher.accept(from("alice", "ev-2", "incident note rolled back"));
        dispatcher.accept(from("alice", "ev-3", "incident resolve"));
        dispatcher.accept(from("bob", "ev-4", "ping"));

        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("bob: ping"));
        assertThat(handled).as("alice's later messages wait for her first").containsExactly("bob: ping");
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 4);
        assertThat(handled).containsExactly("bob: ping", "alice: incident declare checkout is down",
                "alice: incident note rolled back", "alice: incident resolve");
    }

    @Test
    void aHandlerThatThrowsDoesNotStopTheNextMessage() {
        start(m -> {
            if (m.text().equals("boom")) {
                throw new IllegalStateException("bug");
            }
            handled.add(m.eventId());
        }, 100, 1);
        dispatcher.accept(event("ev-1", "boom"));
        dispatcher.accept(event("ev-2", "ping"));

        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("ev-2"));
    }

    @Test
    void closeLetsQueuedMessagesFinish() {
        start(m -> handled.add(m.eventId()), 100, 2);
        for (int i = 0; i < 50; i++) {
            dispatcher.accept(event("ev-" + i, "ping"));
        }
        dispatcher.close();

        assertThat(handled).hasSize(50);
    }

    @Test
    void afterCloseAMessageIsAnsweredNotDropped() {
        start(m -> handled.add(m.eventId()), 100, 2);
        dispatcher.close();
        dispatcher.accept(event("late", "ping"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.said().isEmpty());
        assertThat(gateway.said()).containsExactly("Switchboard is restarting, try again in a moment");
        assertThat(handled).isEmpty();
    }
}
