package dev.switchboard.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.core.fixtures.Fixtures;
import dev.switchboard.core.fixtures.RecordingGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** De-duplication that outlives one dispatcher: restarts and replicas over one event store. */
class DurableDedupTest {
    private static final Dispatcher.Settings SETTINGS = new Dispatcher.Settings(100, 4, 100, Duration.ofSeconds(5));

    private final RecordingGateway gateway = new RecordingGateway();
    private final InMemoryInboundEvents events = new InMemoryInboundEvents();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<Dispatcher> dispatchers = new ArrayList<>();

    private Dispatcher dispatcher(InboundEvents store) {
        Dispatcher d = new Dispatcher(m -> ran.add(m.eventId() + " " + m.text()), gateway, store, SETTINGS);
        dispatchers.add(d);
        return d;
    }

    @AfterEach
    void stop() {
        dispatchers.forEach(Dispatcher::close);
    }

    private static InboundMessage event(String eventId) {
        return new InboundMessage(eventId, new PlatformUser("slack", "T01/U1", "alice", true),
                ConversationRef.of("slack", "C1"), "deploy web", Fixtures.NOW, false);
    }

    @Test
    void anEventRedeliveredAfterARestartRunsOnce() {
        Dispatcher before = dispatcher(events);
        before.accept(event("Ev1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
        before.close();

        Dispatcher after = dispatcher(events);
        after.accept(event("Ev1"));
        after.accept(event("Ev2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> after.redelivered() == 1 && ran.size() == 2);
        after.close();

        assertThat(ran).containsExactly("Ev1 deploy web", "Ev2 deploy web");
    }

    @Test
    void anEventDeliveredToTwoReplicasAtOnceRunsOnce() {
        Dispatcher one = dispatcher(events);
        Dispatcher two = dispatcher(events);
        for (int i = 0; i < 50; i++) {
            one.accept(event("Ev" + i));
            two.accept(event("Ev" + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> one.redelivered() + two.redelivered() == 50);
        one.close();
        two.close();

        assertThat(ran).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void theSameEventIdOnAnotherPlatformIsADifferentEvent() {
        Dispatcher d = dispatcher(events);
        d.accept(event("1"));
        d.accept(new InboundMessage("1", new PlatformUser("irc", "alice", "alice", false),
                ConversationRef.of("irc", "#ops"), "ping", Fixtures.NOW, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 2);
    }

    @Test
    void whenTheEventStoreIsDownMessagesAreStillHandledAndTheMemoryWindowStillDropsRedeliveries() {
        InboundEvents broken = new InboundEvents() {
            @Override
            public boolean firstTime(String platform, String eventId, Instant at) {
                throw new StorageException("database error while claiming event: connection refused");
            }

            @Override
            public int forgetBefore(Instant cutoff) {
                throw new StorageException("down");
            }
        };
        Dispatcher d = dispatcher(broken);
        d.accept(event("Ev1"));
        d.accept(event("Ev1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
        d.close();

        assertThat(ran).containsExactly("Ev1 deploy web");
        assertThat(d.redelivered()).isEqualTo(1);
    }

    @Test
    void forgettingOldEventsLetsTheStoreStaySmall() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        events.firstTime("slack", "old", t0);
        events.firstTime("slack", "new", t0.plus(Duration.ofHours(25)));

        assertThat(events.forgetBefore(t0.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(events.firstTime("slack", "new", t0)).isFalse();
        assertThat(events.firstTime("slack", "old", t0)).isTrue();
    }
}
