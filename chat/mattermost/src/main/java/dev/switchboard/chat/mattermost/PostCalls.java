package dev.switchboard.chat.mattermost;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the REST calls that post one reply: file uploads ({@code POST /files}) and the posts that carry the
 * message parts, buttons and file ids. The calls are made later, in order, by the channel's outbox lane; building
 * them does no I/O. Thread-safe.
 */
final class PostCalls {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final MattermostRest rest;
    private final Clock clock;
    private final Supplier<BotAccount> bot;
    private final int maxPostLength;

    /** {@code bot} is the account connected now, or null before the first connection. */
    PostCalls(MattermostRest rest, Clock clock, Supplier<BotAccount> bot, int maxPostLength) {
        this.rest = rest;
        this.clock = clock;
        this.bot = bot;
        this.maxPostLength = maxPostLength;
    }

    /**
     * Adds a {@code POST /files} call per file to {@code calls}; the returned list fills with the file ids as the
     * uploads succeed, before the post that carries them is made (the calls run in order in one lane).
     */
    List<String> uploads(ConversationRef to, List<Block.File> files, List<Supplier<RestResult>> calls) {
        List<String> fileIds = new CopyOnWriteArrayList<>();
        for (Block.File file : files) {
            calls.add(() -> {
                RestResult result = rest.uploadFile(to.id(), file.name(), file.mediaType(), file.content());
                if (result instanceof RestResult.Ok ok) {
                    fileIds.add(ok.body().path("file_infos").path(0).path("id").asString(""));
                }
                return result;
            });
        }
        return fileIds;
    }

    static List<Block.File> files(Reply reply) {
        return reply.blocks().stream().filter(Block.File.class::isInstance).map(Block.File.class::cast).toList();
    }

    static Reply withoutFiles(Reply reply) {
        return new Reply(reply.blocks().stream().filter(b -> !(b instanceof Block.File)).toList());
    }

    List<String> split(RenderedPost rendered) {
        // Mattermost refuses an empty message; a reply of buttons only still needs one.
        String message = rendered.message().isEmpty() ? " " : rendered.message();
        return PostSplitter.split(message, maxPostLength);
    }

    /** A create-post call; {@code fileIds} is read when the call is made, after the uploads before it. */
    Supplier<RestResult> create(ConversationRef to, String message, ArrayNode attachments,
            List<String> fileIds) {
        ObjectNode post = json.createObjectNode().put("channel_id", to.id()).put("message", message);
        if (to.thread() != null) {
            post.put("root_id", to.thread());
        }
        if (attachments != null) {
            post.putObject("props").set("attachments", attachments);
        }
        // The server drops a repeated pending_post_id, so a retry after a lost answer does not post twice.
        BotAccount me = bot.get();
        post.put("pending_post_id", (me == null ? "switchboard" : me.id()) + ":" + clock.millis() + ":"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        return () -> {
            if (fileIds.isEmpty()) {
                return rest.createPost(post);
            }
            ObjectNode withFiles = post.deepCopy();
            fileIds.forEach(withFiles.putArray("file_ids")::add);
            return rest.createPost(withFiles);
        };
    }
}
