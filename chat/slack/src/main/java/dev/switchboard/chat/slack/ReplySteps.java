package dev.switchboard.chat.slack;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.chat.slack.ChannelQueue.Step;
import dev.switchboard.chat.slack.SlackWebApi.Posted;
import java.util.ArrayList;
import java.util.List;

/**
 * The Web API calls that show one reply: a {@code chat.postMessage} (or {@code chat.update} for an edit) with the
 * Block Kit rendering; or, for a reply too long for one message (longer than {@code maxTextLength}, a section over
 * Slack's 3,000 characters, or more than 50 blocks), a short preview message carrying the reply's buttons followed
 * by a text snippet file with the whole reply. A {@link Block.File} is uploaded as a real file after the message.
 * Posts and files go into the reference's thread. Stateless and thread-safe.
 */
final class ReplySteps {
    /** Slack's limit on the text of one section block. */
    static final int SECTION_LIMIT = 3_000;
    private static final int PREVIEW_CHARS = 200;
    private static final String FILE_PREFIX = "file:";

    private final SlackWebApi api;
    private final int maxTextLength;

    ReplySteps(SlackWebApi api, int maxTextLength) {
        this.api = api;
        this.maxTextLength = maxTextLength;
    }

    /**
     * The steps of a new post; the first step's result is the message to edit later. The reply's {@link Block.File}s
     * are uploaded as files after the message with its other blocks (no message when there are none: the first
     * result is then the first file, {@code file:<id>}).
     */
    List<Step> send(ConversationRef to, Reply reply) {
        Reply message = withoutFiles(reply);
        List<Step> steps = new ArrayList<>();
        if (!message.blocks().isEmpty() || files(reply).isEmpty()) {
            if (needsFile(message)) {
                steps.add(post(to, summary(message)));
                steps.add(upload(to, "reply.txt", message.plainText(), true));
            } else {
                steps.add(post(to, message));
            }
        }
        files(reply).forEach(file -> steps.add(upload(to, file.name(), file.content(), false)));
        return steps;
    }

    /**
     * The steps of an edit: the message shows the reply (or its preview, with the full text as a new file); files in
     * the reply are uploaded as new files, the message naming them when it has nothing else to show. A "message"
     * that is a file ({@code file:<id>}) cannot be edited: the reply is posted anew.
     */
    List<Step> edit(MessageRef message, Reply reply) {
        ConversationRef to = message.conversation();
        if (isFile(message)) {
            return send(to, reply);
        }
        Reply content = withoutFiles(reply);
        if (content.blocks().isEmpty()) {
            content = Reply.text("Attached: " + String.join(", ", files(reply).stream().map(Block.File::name)
                    .toList()));
        }
        boolean file = needsFile(content);
        SlackMessage shown = BlockKit.render(file ? summary(content) : content);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("chat.update in " + to.id(), () -> api.update(to.id(), message.messageId(), shown)));
        if (file) {
            steps.add(upload(to, "reply.txt", content.plainText(), true));
        }
        files(reply).forEach(f -> steps.add(upload(to, f.name(), f.content(), false)));
        return steps;
    }

    /** Whether a reference names an uploaded file rather than a message. */
    static boolean isFile(MessageRef message) {
        return message.messageId().startsWith(FILE_PREFIX);
    }

    private static Reply withoutFiles(Reply reply) {
        return new Reply(reply.blocks().stream().filter(b -> !(b instanceof Block.File)).toList());
    }

    private static List<Block.File> files(Reply reply) {
        return reply.blocks().stream().filter(Block.File.class::isInstance).map(Block.File.class::cast).toList();
    }

    boolean needsFile(Reply reply) {
        if (Mrkdwn.escape(reply.plainText()).length() > maxTextLength
                || BlockKit.blockCount(reply) > BlockKit.MAX_BLOCKS) {
            return true;
        }
        for (Block block : reply.blocks()) {
            String text = switch (block) {
                case Block.Text t -> t.text();
                case Block.Code c -> c.text() + "``````";
                case Block.File f -> "";
                case Block.Table t -> new Reply(List.of(t)).plainText() + "``````";
                case Block.Fields f -> "";
                case Block.Buttons b -> "";
            };
            if (Mrkdwn.escape(text).length() > SECTION_LIMIT) {
                return true;
            }
        }
        return false;
    }

    /** What is posted in place of a reply too long for a message: a preview, and the reply's buttons. */
    static Reply summary(Reply reply) {
        String text = reply.plainText();
        String firstLine = text.lines().findFirst().orElse("");
        String preview = firstLine.length() > PREVIEW_CHARS ? firstLine.substring(0, PREVIEW_CHARS) + "…" : firstLine;
        Reply.Builder summary = Reply.builder()
                .text(preview + "\n(" + text.length() + " characters; the full text is in the attached file)");
        reply.blocks().stream().filter(Block.Buttons.class::isInstance).forEach(summary::add);
        return summary.build();
    }

    private Step post(ConversationRef to, Reply reply) {
        SlackMessage message = BlockKit.render(reply);
        return new Step("chat.postMessage to " + to.id(), () -> api.postMessage(to.id(), to.thread(), message));
    }

    /** Uploads {@code text}: as a plain-text snippet (an over-long reply) or as the named file (a Block.File). */
    private Step upload(ConversationRef to, String filename, String text, boolean snippet) {
        return new Step("upload of " + filename + " to " + to.id(), () -> switch (snippet
                ? api.uploadSnippet(to.id(), to.thread(), filename, text)
                : api.uploadFile(to.id(), to.thread(), filename, text)) {
            case ApiOutcome.Done<String> d -> new ApiOutcome.Done<Posted>(new Posted(to.id(), FILE_PREFIX + d.value()));
            case ApiOutcome.RateLimited<String> r -> new ApiOutcome.RateLimited<Posted>(r.retryAfter());
            case ApiOutcome.Unavailable<String> u -> new ApiOutcome.Unavailable<Posted>(u.reason());
            case ApiOutcome.Refused<String> r -> new ApiOutcome.Refused<Posted>(r.error());
        });
    }
}
