package dev.switchboard.alerts.routing;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import java.util.Objects;

/**
 * What {@link AlertRouter#tick} asks the integrator to do through the chat gateway, in the order given. After a
 * {@link Say} is delivered the integrator reports the platform's message id with
 * {@link AlertRouter#posted(String, String)} (so later changes become edits), or {@link AlertRouter#failed(String)}
 * if it could not be delivered. {@code groupId} is an alert group's id or, for a storm summary, the summary's id.
 */
public sealed interface PostAction {
    String groupId();

    ConversationRef conversation();

    Reply reply();

    /** Post a new message to {@code conversation}. */
    record Say(ConversationRef conversation, Reply reply, String groupId) implements PostAction {
        public Say {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(groupId, "groupId");
        }
    }

    /** Replace the text of the message posted earlier for {@code groupId}. */
    record Edit(MessageRef message, Reply reply, String groupId) implements PostAction {
        public Edit {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(groupId, "groupId");
        }

        @Override
        public ConversationRef conversation() {
            return message.conversation();
        }
    }
}
