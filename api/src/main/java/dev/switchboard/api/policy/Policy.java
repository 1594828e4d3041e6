package dev.switchboard.api.policy;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;

/**
 * Decides whether a principal may run an invocation in a conversation. Called on the message's thread for every
 * command, so it must be fast and side-effect free. Never returns null; an exception is treated as a denial
 * (the authorize stage fails closed).
 */
@FunctionalInterface
public interface Policy {
    Decision decide(Principal principal, Invocation invocation, ConversationRef conversation);

    /**
     * Whether {@code help} should list the command for this principal: true when some rule could let them run it
     * (conditions and channels aside). A display hint only, never an authorisation: {@link #decide} still decides.
     * The default lists everything.
     */
    default boolean shows(Principal principal, String commandId) {
        return true;
    }
}
