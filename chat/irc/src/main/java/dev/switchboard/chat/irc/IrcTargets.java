package dev.switchboard.chat.irc;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.ConversationRef;

/**
 * How Switchboard names IRC conversations: channels by their name ({@code #ops}), private conversations as
 * {@code dm:<nick>}. Stateless and thread-safe.
 */
final class IrcTargets {
    static final String DIRECT = "dm:";

    private IrcTargets() {}

    static boolean isChannel(String name) {
        return name != null && !name.isEmpty() && "#&+!".indexOf(name.charAt(0)) >= 0;
    }

    static String direct(String nick) {
        return DIRECT + nick;
    }

    /** The IRC target (channel or nick) for a conversation; throws {@link AdapterException} if it names none. */
    static String target(ConversationRef conversation) {
        String id = conversation.id();
        if (id.startsWith(DIRECT) && id.length() > DIRECT.length() && !id.substring(3).matches(".*[\\s,:].*")) {
            return id.substring(DIRECT.length());
        }
        if (isChannel(id) && !id.matches(".*[\\s,\\x07].*")) {
            return id;
        }
        throw new AdapterException("cannot post to " + conversation
                + ": expected an IRC channel like irc:#ops or a private conversation like irc:dm:alice");
    }
}
