package dev.switchboard.core.chat;

import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.util.Optional;

/**
 * How the engine talks back: posts and edits messages in any conversation on any connected platform, picking the
 * adapter by the conversation's platform. Throws {@link dev.switchboard.api.AdapterException} when the message
 * could not be delivered (unknown platform included).
 */
public interface ChatGateway {
    /** Posts into the conversation (in its thread, if it names one). */
    MessageRef say(ConversationRef to, Reply reply);

    /** Edits a posted message; on platforms without edits the new content is posted instead. */
    MessageRef edit(MessageRef message, Reply reply);

    /** What the platform can show; used to decide between edits and thread posts. */
    Capabilities capabilities(String platform);

    /** The platform's room creator (for incident rooms), when its adapter offers one; empty by default. */
    default Optional<RoomCreator> rooms(String platform) {
        return Optional.empty();
    }
}
