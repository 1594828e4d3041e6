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
 * by a text snippet file with the whole reply. Posts go into the reference's thread. Stateless and thread-safe.
 */
final class ReplySteps {
    /** Slack's limit on the text of one section block. */
    static final int SECTION_LIMIT = 3_000;
    private static final int PREVIEW_CHARS = 200;

    private final SlackWebApi api;
    private final int maxTextLength;

    ReplySteps(SlackWebApi api, int maxTextLength) {
        this.api = api;
        this.maxTextLength = maxTextLength;
    }

    /** The steps of a new post; the first step's result is the message to edit later. */
    List<Step> send(ConversationRef to, Reply reply) {
        List<Step> steps = new ArrayList<>();
        if (needsFile(reply)) {
            steps.add(post(to, summary(reply)));
            steps.add(upload(to, reply.plainText()));
        } else {
            steps.add(post(to, reply));
        }
        return steps;
    }

    /** The steps of an edit: the message shows the reply (or its preview, with the full text as a new file). */
    List<Step> edit(MessageRef message, Reply reply) {
        ConversationRef to = message.conversation();
        boolean file = needsFile(reply);
        SlackMessage shown = BlockKit.render(file ? summary(reply) : reply);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("chat.update in " + to.id(), () -> api.update(to.id(), message.messageId(), shown)));
        if (file) {
            steps.add(upload(to, reply.plainText()));
        }
        return steps;
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
                case Block.File f -> f.name() + f.content() + "``````";
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

    private Step upload(ConversationRef to, String text) {
        return new Step("file upload to " + to.id(), () -> switch (api.uploadSnippet(
                to.id(), to.thread(), "reply.txt", text)) {
            case ApiOutcome.Done<String> d -> new ApiOutcome.Done<Posted>(new Posted(to.id(), "file:" + d.value()));
            case ApiOutcome.RateLimited<String> r -> new ApiOutcome.RateLimited<Posted>(r.retryAfter());
            case ApiOutcome.Unavailable<String> u -> new ApiOutcome.Unavailable<Posted>(u.reason());
            case ApiOutcome.Refused<String> r -> new ApiOutcome.Refused<Posted>(r.error());
        });
    }
}
