package dev.switchboard.core.policy;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import java.util.Set;

/**
 * The policy in force until the configured one lands: known users may run every command; guests (unknown platform
 * accounts) only {@code help}, {@code whoami}, {@code ping} and {@code version}. Denials tell the guest which
 * account key an admin must add. Stateless and thread-safe.
 */
public final class InterimPolicy implements Policy {
    /** The commands an unknown account may run. */
    public static final Set<String> GUEST_COMMANDS = Set.of("help", "whoami", "ping", "version");

    static final String KNOWN_RULE = "known user (no policy section yet)";
    static final String GUEST_RULE = "guest rights";

    @Override
    public Decision decide(Principal principal, Invocation invocation, ConversationRef conversation) {
        if (principal.known()) {
            return Decision.allow(KNOWN_RULE);
        }
        if (GUEST_COMMANDS.contains(invocation.commandId())) {
            return Decision.allow(GUEST_RULE);
        }
        return Decision.deny("you are not a known user; ask an admin to add " + account(principal) + " to users",
                GUEST_RULE);
    }

    @Override
    public boolean shows(Principal principal, String commandId) {
        return principal.known() || GUEST_COMMANDS.contains(commandId);
    }

    private static String account(Principal principal) {
        String id = principal.id();
        return id.startsWith("guest:") ? id.substring("guest:".length()) : id;
    }
}
