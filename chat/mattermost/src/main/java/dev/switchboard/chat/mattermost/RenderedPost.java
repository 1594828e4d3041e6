package dev.switchboard.chat.mattermost;

import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;

/**
 * A reply as Mattermost shows it: Markdown {@code message} and, when it has buttons, message {@code attachments}
 * (for {@code props.attachments}); {@code attachments} is null when there are none.
 */
record RenderedPost(String message, ArrayNode attachments) {
    RenderedPost {
        Objects.requireNonNull(message, "message");
    }
}
