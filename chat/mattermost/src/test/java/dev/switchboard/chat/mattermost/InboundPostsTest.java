package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.InboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Which {@code posted} events are for the bot, and what text, user, conversation and thread they carry. */
class InboundPostsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final BotAccount BOT = new BotAccount("botid", "switchboard");
    private final InboundPosts posts = new InboundPosts(JSON, "!", true,
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theMentionIsStrippedOnceWhereverItIs() {
        assertThat(text("@switchboard deploy web")).contains("deploy web");
        assertThat(text("@Switchboard: deploy web")).contains("deploy web");
        assertThat(text("hey @switchboard, status")).contains("hey status");
        assertThat(text("@switchboard echo @switchboard")).contains("echo @switchboard");
    }

    @Test
    void aSimilarNameOrNoAddressIsNotForTheBot() {
        assertThat(text("@switchboard2 deploy web")).isEmpty();
        assertThat(text("@switchboard.bot deploy web")).isEmpty();
        assertThat(text("email me at x@switchboard")).isEmpty();
        assertThat(text("deploy web")).isEmpty();
    }

    @Test
    void thePrefixAddressesTheBotAndIsStripped() {
        assertThat(text("!status web")).contains("status web");
    }

    @Test
    void aMentionListedByTheServerAddressesTheBot() {
        ObjectNode event = posted("ping all bots", "alice", "O", "");
        ((ObjectNode) event.path("data")).put("mentions", "[\"botid\"]");
        assertThat(posts.read(event, BOT)).map(InboundMessage::text).contains("ping all bots");
    }

    @Test
    void aDirectMessageNeedsNoAddressAndIsNotThreaded() {
        InboundMessage message = posts.read(posted("help", "alice", "D", ""), BOT).orElseThrow();
        assertThat(message.text()).isEqualTo("help");
        assertThat(message.direct()).isTrue();
        assertThat(message.conversation().thread()).isNull();
    }

    @Test
    void aChannelRequestStartsAThreadAndAThreadedOneStaysInIt() {
        InboundMessage top = posts.read(posted("!status", "alice", "O", ""), BOT).orElseThrow();
        InboundMessage threaded = posts.read(posted("!status", "alice", "O", "rootpost"), BOT).orElseThrow();
        assertThat(top.conversation().thread()).isEqualTo(top.eventId());
        assertThat(threaded.conversation().thread()).isEqualTo("rootpost");
        assertThat(top.conversation().id()).isEqualTo("chan1");
        assertThat(top.user().id()).isEqualTo("user-alice");
        assertThat(top.user().displayName()).isEqualTo("alice");
        assertThat(top.user().verified()).isTrue();
    }

    @Test
    void ownSystemAndWebhookPostsAreDropped() {
        assertThat(posts.read(posted("!status", "botid", "D", ""), BOT)).isEmpty();
        ObjectNode system = posted("!status", "alice", "O", "");
        ObjectNode webhook = posted("!deploy web to prod", "alice", "O", "");
        ObjectNode data = (ObjectNode) system.path("data");
        data.put("post", ((ObjectNode) JSON.readTree(data.path("post").asString())).put("type", "system_join_channel")
                .toString());
        ObjectNode hookData = (ObjectNode) webhook.path("data");
        ObjectNode hookPost = (ObjectNode) JSON.readTree(hookData.path("post").asString());
        hookPost.putObject("props").put("from_webhook", "true");
        hookData.put("post", hookPost.toString());
        assertThat(List.of(posts.read(system, BOT), posts.read(webhook, BOT))).allMatch(Optional::isEmpty);
    }

    @Test
    void otherEventsAndGarbageAreIgnored() {
        ObjectNode edited = posted("!status", "alice", "O", "").put("event", "post_edited");
        ObjectNode garbage = posted("!status", "alice", "O", "");
        ((ObjectNode) garbage.path("data")).put("post", "{not json");
        assertThat(posts.read(edited, BOT)).isEmpty();
        assertThat(posts.read(garbage, BOT)).isEmpty();
    }

    private Optional<String> text(String message) {
        return posts.read(posted(message, "alice", "O", ""), BOT).map(InboundMessage::text);
    }

    private static int ids;

    private static ObjectNode posted(String message, String user, String channelType, String root) {
        String userId = user.equals("botid") ? user : "user-" + user;
        ObjectNode post = JSON.createObjectNode().put("id", "post" + ++ids).put("user_id", userId)
                .put("channel_id", "chan1").put("root_id", root).put("message", message).put("type", "");
        ObjectNode event = JSON.createObjectNode().put("event", "posted").put("seq", ids);
        event.putObject("data").put("channel_type", channelType).put("post", post.toString())
                .put("sender_name", "@" + user);
        return event;
    }

}
