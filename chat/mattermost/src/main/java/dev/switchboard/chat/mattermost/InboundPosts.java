package dev.switchboard.chat.mattermost;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a WebSocket {@code posted} event into the {@link InboundMessage} it means for the bot, if any.
 *
 * <p>Delivered: every post in a direct channel ({@code channel_type} D), and channel posts that mention the bot
 * ({@code @name}, stripped once, or listed in the event's {@code mentions}) or start with the command prefix
 * (stripped). Dropped: the bot's own posts, system messages (a non-empty {@code type}) and posts made through
 * incoming webhooks ({@code props.from_webhook}), since those carry the webhook owner's user id but not their
 * words. The user is the Mattermost user id, verified; the conversation is the channel id, in the post's thread,
 * or in a new thread under the post when {@code replyInThreads} is on; the event id is the post id. Thread-safe.
 */
final class InboundPosts {
    private final ObjectMapper json;
    private final String prefix;
    private final boolean replyInThreads;
    private final Clock clock;

    InboundPosts(ObjectMapper json, String prefix, boolean replyInThreads, Clock clock) {
        this.json = json;
        this.prefix = prefix;
        this.replyInThreads = replyInThreads;
        this.clock = clock;
    }

    Optional<InboundMessage> read(JsonNode event, BotAccount bot) {
        if (!"posted".equals(event.path("event").asString(""))) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        JsonNode post = parse(data.path("post").asString(""));
        String postId = post.path("id").asString("");
        String userId = post.path("user_id").asString("");
        String channelId = post.path("channel_id").asString("");
        if (postId.isEmpty() || userId.isEmpty() || channelId.isEmpty() || userId.equals(bot.id())
                || !post.path("type").asString("").isEmpty()
                || "true".equals(post.path("props").path("from_webhook").asString(""))) {
            return Optional.empty();
        }
        boolean direct = "D".equals(data.path("channel_type").asString(""));
        String message = post.path("message").asString("");
        Optional<String> text = direct ? Optional.of(addressed(message, bot).orElse(message.strip()))
                : addressed(message, bot).or(() -> mentionedByList(data, bot) ? Optional.of(message.strip())
                        : Optional.empty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String root = post.path("root_id").asString("");
        String thread = !root.isEmpty() ? root : !direct && replyInThreads ? postId : null;
        String sender = data.path("sender_name").asString("").replaceFirst("^@", "");
        PlatformUser user = new PlatformUser(MattermostChatAdapter.PLATFORM, userId, sender.isEmpty() ? null : sender,
                true);
        ConversationRef conversation = new ConversationRef(MattermostChatAdapter.PLATFORM, channelId, thread);
        return Optional.of(new InboundMessage(postId, user, conversation, text.get(), clock.instant(), direct));
    }

    /** The text without its prefix or its first {@code @bot} mention, if it has either. */
    Optional<String> addressed(String message, BotAccount bot) {
        String trimmed = message.strip();
        if (!prefix.isEmpty() && trimmed.startsWith(prefix)) {
            return Optional.of(trimmed.substring(prefix.length()).strip());
        }
        Matcher mention = mentionOf(bot).matcher(trimmed);
        if (!mention.find()) {
            return Optional.empty();
        }
        String before = trimmed.substring(0, mention.start()).strip();
        String after = trimmed.substring(mention.end()).replaceFirst("^[:,]", "").strip();
        return Optional.of(before.isEmpty() ? after : after.isEmpty() ? before : before + " " + after);
    }

    /** {@code @username} as a whole word: not followed by a character a username could continue with. */
    private static Pattern mentionOf(BotAccount bot) {
        return Pattern.compile("(?<![\\w.-])@" + Pattern.quote(bot.username().toLowerCase(Locale.ROOT))
                + "(?![\\w-]|\\.[\\w-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private boolean mentionedByList(JsonNode data, BotAccount bot) {
        JsonNode mentions = parse(data.path("mentions").asString("[]"));
        for (JsonNode id : mentions) {
            if (bot.id().equals(id.asString(""))) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(String text) {
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
