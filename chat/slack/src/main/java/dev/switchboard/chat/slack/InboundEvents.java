package dev.switchboard.chat.slack;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.chat.slack.SlackWebApi.BotIdentity;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * Turns Slack payloads (the same JSON whether they came over Socket Mode or HTTP) into {@link InboundMessage}s, or
 * says why a payload is not for the bot. Addressed to the bot are: {@code app_mention} events (the leading mention
 * stripped once), {@code message} events in direct conversations, channel messages starting with the command
 * prefix (stripped), and clicks on our buttons ({@code block_actions}; the text is the button's command, said by
 * the clicking user). Messages from bots (ours included) and messages with a {@code subtype} (edits, joins, ...)
 * are ignored.
 *
 * <p>Users are {@code <team>/<user>} (verified: Slack authenticates them), conversations the channel id with the
 * {@code thread_ts} as thread, event ids Slack's {@code event_id} (so a redelivery keeps its id) or, for clicks,
 * {@code click:<trigger_id>}. Stateless and thread-safe.
 */
final class InboundEvents {
    /** What to do with one payload. */
    sealed interface Result {
        /** Hand {@code message} on; {@code messageKey} names the Slack message it came from (channel and ts). */
        record Deliver(InboundMessage message, String messageKey) implements Result {}

        /** Not for the bot; {@code why} is for debug logs. */
        record Ignore(String why) implements Result {}
    }

    private final String prefix;
    private final Clock clock;

    InboundEvents(String commandPrefix, Clock clock) {
        this.prefix = commandPrefix;
        this.clock = clock;
    }

    /** An Events API payload ({@code type: event_callback}). */
    Result event(JsonNode payload, BotIdentity bot) {
        if (!"event_callback".equals(text(payload, "type"))) {
            return new Result.Ignore("payload type " + text(payload, "type"));
        }
        JsonNode event = payload.path("event");
        String type = text(event, "type");
        String user = text(event, "user");
        String channel = text(event, "channel");
        String eventId = text(payload, "event_id");
        if (eventId == null || channel == null || user == null) {
            return new Result.Ignore(type + " without event_id, channel or user");
        }
        if (event.hasNonNull("bot_id") || user.equals(bot.userId())) {
            return new Result.Ignore("said by a bot");
        }
        if (event.hasNonNull("subtype")) {
            return new Result.Ignore("message subtype " + text(event, "subtype"));
        }
        String said = Mrkdwn.unescape(orEmpty(text(event, "text")));
        boolean direct = "im".equals(text(event, "channel_type")) || channel.startsWith("D");
        String mention = "<@" + bot.userId() + ">";
        String text;
        if ("app_mention".equals(type)) {
            text = stripMention(said, mention);
        } else if ("message".equals(type) && direct) {
            text = said.strip().startsWith(mention) ? stripMention(said, mention) : said.strip();
        } else if ("message".equals(type)) {
            if (said.strip().startsWith(mention)) {
                return new Result.Ignore("a mention; its app_mention event carries it");
            }
            if (prefix.isEmpty() || !said.strip().startsWith(prefix)) {
                return new Result.Ignore("a channel message not addressed to the bot");
            }
            text = said.strip().substring(prefix.length()).strip();
        } else {
            return new Result.Ignore("event type " + type);
        }
        String team = firstOf(text(event, "user_team"), text(event, "team"), text(payload, "team_id"));
        ConversationRef where = new ConversationRef(SlackChatAdapter.PLATFORM, channel, text(event, "thread_ts"));
        InboundMessage message = new InboundMessage(eventId, user(team, user), where, text, clock.instant(), direct);
        return new Result.Deliver(message, channel + "/" + text(event, "ts"));
    }

    /** An interaction payload; only {@code block_actions} clicks on our buttons are delivered. */
    Result interaction(JsonNode payload) {
        if (!"block_actions".equals(text(payload, "type"))) {
            return new Result.Ignore("interaction type " + text(payload, "type"));
        }
        JsonNode button = null;
        for (JsonNode action : payload.path("actions")) {
            String actionId = orEmpty(text(action, "action_id"));
            if ("button".equals(text(action, "type")) && actionId.startsWith(BlockKit.ACTION_PREFIX)) {
                button = action;
                break;
            }
        }
        String user = text(payload.path("user"), "id");
        String channel = firstOf(text(payload.path("channel"), "id"), text(payload.path("container"), "channel_id"));
        String trigger = firstOf(text(payload, "trigger_id"), text(button == null ? payload : button, "action_ts"));
        if (button == null || user == null || channel == null || trigger == null) {
            return new Result.Ignore("a click that is not on a Switchboard button");
        }
        String team = firstOf(text(payload.path("user"), "team_id"), text(payload.path("team"), "id"));
        String thread = firstOf(text(payload.path("message"), "thread_ts"),
                text(payload.path("container"), "thread_ts"));
        ConversationRef where = new ConversationRef(SlackChatAdapter.PLATFORM, channel, thread);
        InboundMessage message = new InboundMessage("click:" + trigger, user(team, user), where,
                orEmpty(text(button, "value")), clock.instant(), channel.startsWith("D"));
        return new Result.Deliver(message, "click/" + trigger);
    }

    private static PlatformUser user(String team, String user) {
        String id = team == null ? user : team + "/" + user;
        return new PlatformUser(SlackChatAdapter.PLATFORM, id, user, true);
    }

    /** Removes the bot's mention once: at the start if it is there, else its first occurrence. */
    static String stripMention(String text, String mention) {
        String trimmed = text.strip();
        if (trimmed.startsWith(mention)) {
            return trimmed.substring(mention.length()).strip();
        }
        int at = trimmed.indexOf(mention);
        return at < 0 ? trimmed : (trimmed.substring(0, at) + trimmed.substring(at + mention.length()))
                .replaceAll("\\s{2,}", " ").strip();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
