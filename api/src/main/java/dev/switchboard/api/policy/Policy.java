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

    /**
     * Why {@link #decide} decides what it does, one readable line per rule considered, the last naming the
     * decision; for {@code explain} in chat. Must agree with {@link #decide}; secret values must not appear. The
     * default gives the decision alone.
     */
    default java.util.List<String> reasons(Principal principal, Invocation invocation, ConversationRef conversation) {
        return java.util.List.of(switch (decide(principal, invocation, conversation)) {
            case Decision.Allow a -> "allowed by " + a.rule();
            case Decision.Deny d -> "denied by " + d.rule() + ": " + d.reason();
            case Decision.RequireApproval r -> "needs " + r.count() + " approval(s) by " + r.rule();
        });
    }
}
