package dev.switchboard.api.chat;

import java.util.List;
import java.util.Objects;

/**
 * A chat platform's ability to create a conversation and invite people into it, used for an incident's dedicated
 * room (Slack {@code conversations.create} and {@code conversations.invite}, a Mattermost channel). Optional: an
 * adapter offers it through {@link ChatAdapter#rooms()}. Implementations are thread-safe and report expected
 * failures as {@link Result} values, never as exceptions.
 */
public interface RoomCreator {
    /**
     * Creates a public conversation named {@code name} (the platform may adjust it to its rules: lower case, no
     * spaces, a suffix when the name is taken) with {@code purpose} as its topic, and invites {@code invite}.
     *
     * @param name the wanted name, such as {@code inc-42-checkout-is-down}
     * @param purpose the topic or purpose shown in the conversation's header
     * @param invite the platform user ids ({@link PlatformUser#id()}) to invite; unknown ones are reported, not fatal
     */
    Result create(String name, String purpose, List<String> invite);

    /** What {@link #create} did. */
    sealed interface Result {
        /**
         * The conversation exists and everyone invitable was invited.
         *
         * @param room where to post into it
         * @param name the name the platform gave it
         * @param notInvited the invitees the platform refused, with nothing said about why
         */
        record Created(ConversationRef room, String name, List<String> notInvited) implements Result {
            public Created {
                Objects.requireNonNull(room, "room");
                Objects.requireNonNull(name, "name");
                notInvited = List.copyOf(notInvited);
            }
        }

        /** The platform refused (no permission, bad name); {@code reason} is safe to show a user. */
        record Refused(String reason) implements Result {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** The platform could not be reached or answered with a server error; worth trying again later. */
        record Unavailable(String reason) implements Result {
            public Unavailable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
