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

    /**
     * The rule that makes the requester confirm this invocation ({@code yes <code>}) before it runs, if any. Asked
     * only after {@link #decide} allowed or required approval. The default asks for no confirmation.
     */
    default java.util.Optional<String> confirmation(Principal principal, Invocation invocation,
            ConversationRef conversation) {
        return java.util.Optional.empty();
    }

    /**
     * The rate limit this invocation counts against, if any. Asked only after {@link #decide} allowed or required
     * approval. The default sets no limit.
     */
    default java.util.Optional<RateLimit> rateLimit(Principal principal, Invocation invocation,
            ConversationRef conversation) {
        return java.util.Optional.empty();
    }

    /**
     * Whether {@code principal} may approve requests that need one of {@code approvers} (audience entries as in
     * {@link Decision.RequireApproval#approvers()}). The default: {@code user:<id>} and {@code group:<name>}
     * entries, known users only.
     */
    default boolean mayApprove(Principal principal, java.util.List<String> approvers) {
        return principal.known() && approvers.stream().anyMatch(a -> a.equals("user:" + principal.id())
                || (a.startsWith("group:") && principal.inGroup(a.substring("group:".length())))
                || a.equals("everyone"));
    }

    /**
     * Whether {@code help} should mark the command as possibly needing approval for this principal: some approval
     * requirement could apply to them (conditions aside). A display hint only. The default marks nothing.
     */
    default boolean mayNeedApproval(Principal principal, String commandId) {
        return false;
    }
}
