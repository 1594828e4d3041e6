package dev.switchboard.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupBy;
import dev.switchboard.alerts.routing.RateBudget;
import dev.switchboard.alerts.routing.Route;
import dev.switchboard.alerts.routing.Routes;
import dev.switchboard.api.AdapterException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's decisions carried out through the gateway: says, edits, and a say the platform refused. */
class AlertPostsTest {
    private static final ConversationRef ALERTS = ConversationRef.parse("web:#alerts");

    private final TestClock clock = new TestClock();
    private final AlertRouter router = new AlertRouter(new Routes(List.of(), new Route("default", List.of(),
            List.of(ALERTS), GroupBy.labels("alertname"), Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(4),
            null, false)), new RateBudget(100, 10, Duration.ofSeconds(5)), clock);
    private final RecordingGateway gateway = new RecordingGateway();

    @Test
    void aGroupThePlatformRefusedIsPostedAgainAndItsResolveEditsTheNewMessage() {
        try (AlertPosts posts = new AlertPosts(router, gateway)) {
            gateway.refuseNext = true;
            router.accept(List.of(alert(Alert.Status.FIRING)));

            posts.tick();
            clock.advance(Duration.ofSeconds(1));
            posts.tick();

            assertThat(gateway.log).hasSize(2);
            assertThat(gateway.log.get(0)).startsWith("refused say");
            assertThat(gateway.log.get(1)).startsWith("say m1").contains("DiskFull");

            router.accept(List.of(alert(Alert.Status.RESOLVED)));
            clock.advance(Duration.ofSeconds(2));
            posts.tick();

            assertThat(gateway.log).hasSize(3);
            assertThat(gateway.log.get(2)).startsWith("edit m1").contains("RESOLVED");
        }
    }

    private Alert alert(Alert.Status status) {
        Map<String, String> labels = Map.of("alertname", "DiskFull", "severity", "critical");
        return new Alert("alertmanager", "alertmanager", "f1", "DiskFull", "critical", status, labels, Map.of(),
                "Disk is full", List.of(), TestClock.DEFAULT_START,
                status == Alert.Status.RESOLVED ? clock.instant() : null, clock.instant());
    }

    /** Records what it was asked to do; refuses the next say when told to. */
    private static final class RecordingGateway implements ChatGateway {
        final List<String> log = new ArrayList<>();
        boolean refuseNext;
        int ids;

        @Override
        public MessageRef say(ConversationRef to, Reply reply) {
            if (refuseNext) {
                refuseNext = false;
                log.add("refused say");
                throw new AdapterException("the platform is down");
            }
            MessageRef ref = new MessageRef(to, "m" + ++ids);
            log.add("say " + ref.messageId() + " " + reply);
            return ref;
        }

        @Override
        public MessageRef edit(MessageRef message, Reply reply) {
            log.add("edit " + message.messageId() + " " + reply);
            return message;
        }

        @Override
        public Capabilities capabilities(String platform) {
            throw new UnsupportedOperationException("not asked by AlertPosts");
        }
    }
}
