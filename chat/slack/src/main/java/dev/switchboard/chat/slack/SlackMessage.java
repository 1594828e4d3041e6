package dev.switchboard.chat.slack;

import java.util.Objects;

/**
 * A reply as Slack takes it: the plain {@code text} fallback (notifications, screen readers) and the Block Kit
 * {@code blocks} as a JSON array. Immutable.
 *
 * @param text escaped mrkdwn fallback text; never null
 * @param blocksJson the Block Kit blocks, a JSON array; never null
 */
record SlackMessage(String text, String blocksJson) {
    SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(blocksJson, "blocksJson");
    }
}
