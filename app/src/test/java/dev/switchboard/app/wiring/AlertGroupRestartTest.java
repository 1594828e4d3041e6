package dev.switchboard.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.routing.AlertAnswers;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupBy;
import dev.switchboard.alerts.routing.PostAction;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import dev.switchboard.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert router on an H2 file database, stopped and started again as a server restart does: a group posted
 * before the restart is edited after it (same message), still answers by id, and keeps its repeat timing.
 */
class AlertGroupRestartTest {
    private static final ConversationRef ALERTS = ConversationRef.parse("slack:#alerts");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();

    private StorageSettings settings() {
        return StorageSettings.of("jdbc:h2:file:" + dir.resolve("switchboard"), "sb", "h2-Restart-Pa55word");
    }

    private AlertRouter router(JdbcStorage storage) {
        Route fallback = new Route("default", List.of(), List.of(ALERTS), GroupBy.labels("alertname"), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofHours(4), null, false);
        AlertRouter router = new AlertRouter(new Routes(List.of(), fallback), new RateBudget(100, 10,
                Duration.ofSeconds(5)), clock, storage.alertGroups());
        router.restore(storage.alerts(), storage.acks());
        return router;
    }

    /** The alert as a receiver stores it, then routed. */
    private void receive(JdbcStorage storage, AlertRouter router, Alert.Status status) {
        Alert alert = new Alert("alertmanager", "alertmanager", "fp-disk-host1", "DiskFull", "critical", status,
                Map.of("alertname", "DiskFull", "instance", "host1"), Map.of(), "Disk on host1 is 95% full",
                List.of(), TestClock.DEFAULT_START, status == Alert.Status.RESOLVED ? clock.instant() : null,
                clock.instant());
        storage.alerts().record(List.of(alert));
        router.accept(List.of(alert));
    }

    /** Posts the first group and stops, as a server does on shutdown; returns the group's id. */
    private String postAndStop() {
        try (JdbcStorage before = JdbcStorage.open(settings())) {
            AlertRouter router = router(before);
            receive(before, router, Alert.Status.FIRING);
            PostAction.Say say = (PostAction.Say) router.tick(clock.instant()).getFirst();
            router.posted(say.groupId(), "1700000001.000100");
            assertThat(router.saveChanges()).isEqualTo(1);
            return say.groupId();
        }
    }

    @Test
    void aResolveAfterARestartEditsTheMessagePostedBeforeIt() {
        String id = postAndStop();
        clock.advance(Duration.ofMinutes(10));

        try (JdbcStorage after = JdbcStorage.open(settings())) {
            AlertRouter router = router(after);
            receive(after, router, Alert.Status.RESOLVED);
            List<PostAction> actions = router.tick(clock.instant());

            assertThat(actions).singleElement().isInstanceOfSatisfying(PostAction.Edit.class, edit -> {
                assertThat(edit.groupId()).isEqualTo(id);
                assertThat(edit.message().messageId()).isEqualTo("1700000001.000100");
                assertThat(edit.message().conversation()).isEqualTo(ALERTS);
                assertThat(text(edit.reply())).contains("RESOLVED").contains("DiskFull");
            });
        }
    }

    @Test
    void aGroupClosedBeforeARestartStillAnswersByIdAfterIt() {
        String id = postAndStop();
        try (JdbcStorage second = JdbcStorage.open(settings())) {
            AlertRouter router = router(second);
            receive(second, router, Alert.Status.RESOLVED);
            clock.advance(Duration.ofSeconds(2));
            router.tick(clock.instant());
            router.saveChanges();
        }
        clock.advance(Duration.ofHours(1));

        try (JdbcStorage third = JdbcStorage.open(settings())) {
            AlertRouter router = router(third);

            assertThat(router.group(id)).hasValueSatisfying(group -> {
                assertThat(group.closed()).isTrue();
                assertThat(group.message().messageId()).isEqualTo("1700000001.000100");
            });
            assertThat(text(new AlertAnswers(router, third.alerts()).group(id, 1))).contains(id)
                    .contains("DiskFull").contains("host1");
            assertThat(router.tick(clock.instant())).as("a closed group says nothing more").isEmpty();
        }
    }

    @Test
    void aStillFiringGroupIsPostedAgainOnlyWhenItsRepeatIntervalSinceThePostBeforeTheRestartIsUp() {
        postAndStop();
        clock.advance(Duration.ofHours(3));

        try (JdbcStorage after = JdbcStorage.open(settings())) {
            AlertRouter router = router(after);

            assertThat(router.tick(clock.instant())).as("3 h after the post: nothing yet").isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(router.tick(clock.instant())).singleElement().isInstanceOf(PostAction.Say.class);
        }
    }

    @Test
    void aGroupWhoseAlertsAreAllUnknownIsNotRestored() {
        try (JdbcStorage storage = JdbcStorage.open(settings())) {
            AlertRouter router = router(storage);
            Alert unstored = new Alert("alertmanager", "alertmanager", "fp-never-stored", "Ghost", null,
                    Alert.Status.FIRING, Map.of("alertname", "Ghost"), Map.of(), null, List.of(), clock.instant(),
                    null, clock.instant());
            router.accept(List.of(unstored));
            router.saveChanges();

            assertThat(router(storage).groups()).isEmpty();
        }
    }

    private static String text(Reply reply) {
        return reply.toString();
    }

    @Test
    void aGroupAckedBeforeARestartStillSaysWhoAckedItWithoutBeingEditedForIt() {
        String id;
        try (JdbcStorage before = JdbcStorage.open(settings())) {
            AlertRouter router = router(before);
            receive(before, router, Alert.Status.FIRING);
            PostAction.Say say = (PostAction.Say) router.tick(clock.instant()).getFirst();
            router.posted(say.groupId(), "1700000001.000100");
            id = say.groupId();
            before.acks().record(List.of(new AlertAcks.Ack("fp-disk-host1", "alice", clock.instant(), id)));
            router.acked(id, "alice", clock.instant());
            clock.advance(Duration.ofSeconds(2));
            router.tick(clock.instant());
            router.saveChanges();
        }
        clock.advance(Duration.ofMinutes(1));

        try (JdbcStorage after = JdbcStorage.open(settings())) {
            AlertRouter router = router(after);
            assertThat(router.group(id)).get().extracting(g -> g.ackedBy()).isEqualTo("alice");
            assertThat(router.tick(clock.instant())).isEmpty();
        }
    }
}
