package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.chat.slack.SlackWebApi.BotIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Which Slack payloads reach the bot, and how they read once they do. */
class InboundEventsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final BotIdentity BOT = new BotIdentity("UBOT", "BBOT", "T01");
    private final InboundEvents events = new InboundEvents("!",
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aMentionIsStrippedOnceAndTheUserIsTeamSlashUserAndVerified() {
        InboundMessage message = delivered(event("app_mention", "U123", "C1", "<@UBOT> <@UBOT> say hi", null));

        assertThat(message.text()).isEqualTo("<@UBOT> say hi");
        assertThat(message.user().id()).isEqualTo("T01/U123");
        assertThat(message.user().key()).isEqualTo("slack:T01/U123");
        assertThat(message.user().verified()).isTrue();
        assertThat(message.conversation().toString()).isEqualTo("slack:C1");
        assertThat(message.conversation().thread()).isNull();
        assertThat(message.direct()).isFalse();
        assertThat(message.eventId()).isEqualTo("Ev1");
    }

    @Test
    void aMessageInAThreadKeepsItsThreadSoTheReplyStaysThere() {
        ObjectNode payload = event("app_mention", "U123", "C1", "<@UBOT> status", "channel");
        payload.withObject("event").put("thread_ts", "1700000000.000100");

        assertThat(delivered(payload).conversation().thread()).isEqualTo("1700000000.000100");
    }

    @Test
    void aDirectMessageIsDeliveredAsDirectWithoutNeedingAPrefix() {
        InboundMessage message = delivered(event("message", "U123", "D1", "deploy web", "im"));

        assertThat(message.direct()).isTrue();
        assertThat(message.text()).isEqualTo("deploy web");
    }

    @Test
    void aPrefixedChannelMessageIsDeliveredWithoutThePrefix() {
        assertThat(delivered(event("message", "U123", "C1", "!deploy web", "channel")).text())
                .isEqualTo("deploy web");
    }

    @Test
    void channelChatterAndChannelMentionsAsMessagesAreNotDelivered() {
        assertThat(events.event(event("message", "U123", "C1", "lunch?", "channel"), BOT))
                .isInstanceOf(InboundEvents.Result.Ignore.class);
        // The app_mention event for the same message carries it.
        assertThat(events.event(event("message", "U123", "C1", "<@UBOT> status", "channel"), BOT))
                .isInstanceOf(InboundEvents.Result.Ignore.class);
    }

    @Test
    void botsTheBotItselfAndEditsAreIgnored() {
        ObjectNode otherBot = event("message", "U999", "D1", "hello", "im");
        otherBot.withObject("event").put("bot_id", "B999");
        ObjectNode edited = event("message", "U123", "D1", "hello", "im");
        edited.withObject("event").put("subtype", "message_changed");

        assertThat(events.event(otherBot, BOT)).isInstanceOf(InboundEvents.Result.Ignore.class);
        assertThat(events.event(event("message", "UBOT", "D1", "hello", "im"), BOT))
                .isInstanceOf(InboundEvents.Result.Ignore.class);
        assertThat(events.event(edited, BOT)).isInstanceOf(InboundEvents.Result.Ignore.class);
    }

    @Test
    void slackEscapesAndLinksAreTurnedBackIntoWhatWasTyped() {
        InboundMessage message = delivered(event("message", "U123", "D1",
                "run &lt;job&gt; &amp;&amp; open <https://example.org/x|example.org/x> for <@U456>", "im"));

        assertThat(message.text()).isEqualTo("run <job> && open https://example.org/x for <@U456>");
    }

    @Test
    void aClickOnSomeoneElsesButtonIsNotACommand() {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "t1");
        payload.set("user", JSON.createObjectNode().put("id", "U123").put("team_id", "T01"));
        payload.set("channel", JSON.createObjectNode().put("id", "C1"));
        payload.putArray("actions").add(JSON.createObjectNode().put("type", "button")
                .put("action_id", "other-app-button").put("value", "rm -rf"));

        assertThat(events.interaction(payload)).isInstanceOf(InboundEvents.Result.Ignore.class);
    }

    private InboundMessage delivered(ObjectNode payload) {
        InboundEvents.Result result = events.event(payload, BOT);
        assertThat(result).isInstanceOf(InboundEvents.Result.Deliver.class);
        return ((InboundEvents.Result.Deliver) result).message();
    }

    private static ObjectNode event(String type, String user, String channel, String text, String channelType) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("user", user).put("text", text)
                .put("ts", "1700000000.000200").put("channel", channel).put("team", "T01");
        if (channelType != null) {
            event.put("channel_type", channelType);
        }
        ObjectNode payload = JSON.createObjectNode().put("type", "event_callback").put("team_id", "T01")
                .put("event_id", "Ev1");
        payload.set("event", event);
        return payload;
    }
}
