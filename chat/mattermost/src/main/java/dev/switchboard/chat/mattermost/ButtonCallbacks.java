package dev.switchboard.chat.mattermost;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the request the Mattermost server sends to the integration URL when someone clicks one of the bot's
 * buttons ({@code user_id}, {@code user_name}, {@code channel_id}, {@code post_id}, {@code trigger_id},
 * {@code context}). The shared secret in {@code context} is checked (in constant time) before anything else in
 * the context is used; only then does the click become the clicking user's command. Thread-safe.
 */
final class ButtonCallbacks {
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** What a callback came to: a command to deliver together with the answer, or just an answer. */
    sealed interface Result {
        HttpAnswer answer();

        record Deliver(InboundMessage message, HttpAnswer answer) implements Result {}

        record Refuse(HttpAnswer answer) implements Result {}
    }

    private final ObjectMapper json;
    private final byte[] secret;
    private final boolean replyInThreads;
    private final Predicate<String> directChannel;
    private final Clock clock;

    /** {@code secret} is null when buttons are off; every callback is then refused. */
    ButtonCallbacks(ObjectMapper json, String secret, boolean replyInThreads, Predicate<String> directChannel,
            Clock clock) {
        this.json = json;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.replyInThreads = replyInThreads;
        this.directChannel = directChannel;
        this.clock = clock;
    }

    Result read(byte[] body) {
        if (secret == null) {
            return refuse(404, "buttons are not enabled for this Switchboard (no callback URL configured)");
        }
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return refuse(400, "expected a Mattermost button callback (a JSON object of at most "
                    + MAX_BODY_BYTES + " bytes)");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return refuse(400, "expected a Mattermost button callback in JSON, but the body is not JSON");
        }
        JsonNode context = request.path("context");
        String given = context.path("secret").asString("");
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return refuse(401, "this button does not carry Switchboard's callback secret");
        }
        String userId = request.path("user_id").asString("");
        String channelId = request.path("channel_id").asString("");
        String postId = request.path("post_id").asString("");
        String command = context.path("command").asString("").strip();
        if (userId.isEmpty() || channelId.isEmpty() || command.isEmpty()) {
            return refuse(400, "expected user_id, channel_id and context.command in the button callback");
        }
        boolean direct = directChannel.test(channelId);
        String thread = context.path("thread").asString("");
        if (thread.isEmpty()) {
            thread = !direct && replyInThreads && !postId.isEmpty() ? postId : null;
        }
        String name = request.path("user_name").asString("");
        PlatformUser user = new PlatformUser(MattermostChatAdapter.PLATFORM, userId, name.isEmpty() ? null : name, true);
        InboundMessage message = new InboundMessage(eventId(request.path("trigger_id").asString("")), user,
                new ConversationRef(MattermostChatAdapter.PLATFORM, channelId, thread), command, clock.instant(),
                direct);
        String shown = command.replace("`", "'");
        return new Result.Deliver(message, answer(200, "ephemeral_text", "Sent `" + shown + "` to Switchboard."));
    }

    /** One id per click: the server's trigger id (hashed, it is long), or a random one if it sent none. */
    private static String eventId(String triggerId) {
        if (triggerId.isEmpty()) {
            return "action:" + UUID.randomUUID();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(triggerId.getBytes(StandardCharsets.UTF_8));
            return "action:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private Result refuse(int status, String why) {
        return new Result.Refuse(answer(status, "error", why));
    }

    private HttpAnswer answer(int status, String field, String text) {
        return new HttpAnswer(status, json.createObjectNode().put(field, text).toString());
    }
}
