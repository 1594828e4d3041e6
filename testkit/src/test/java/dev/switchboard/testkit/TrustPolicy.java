package dev.switchboard.testkit;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.policy.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small hand-written policy for the approval transcripts, so they read without a policy file: known users may
 * run everything; a prod deploy needs {@code approvals} approvals from group sre (announced in #approvals) and, when
 * {@code confirmProd} is set, the requester's confirmation first; scaling to zero needs a confirmation; echo is
 * limited to 2 runs per 10 minutes.
 */
record TrustPolicy(int approvals, boolean confirmProd) implements Policy {
    static final String ALLOW = "policy.yaml:2:5 allow *";
    static final String APPROVE = "policy.yaml:3:5 approve deploy.* when env == 'prod' by group:sre";
    static final String CONFIRM = "policy.yaml:4:5 confirm scale.* when replicas == 0";
    static final String LIMIT = "policy.yaml:5:5 limit echo rate 2/10m";

    TrustPolicy() {
        this(1, false);
    }

    @Override
    public Decision decide(Principal principal, Invocation invocation, ConversationRef conversation) {
        if (!principal.known() && !Set.of("help", "whoami").contains(invocation.commandId())) {
            return Decision.deny("you are not a known user", "default deny");
        }
        if (prodDeploy(invocation)) {
            return new Decision.RequireApproval(APPROVE, List.of("group:sre"), approvals, Duration.ofMinutes(30),
                    List.of("web:#approvals"));
        }
        return Decision.allow(ALLOW);
    }

    @Override
    public Optional<String> confirmation(Principal principal, Invocation invocation, ConversationRef conversation) {
        boolean toZero = invocation.commandId().equals("scale.service") && "0".equals(invocation.args().get("replicas"));
        return toZero || (confirmProd && prodDeploy(invocation)) ? Optional.of(CONFIRM) : Optional.empty();
    }

    @Override
    public Optional<RateLimit> rateLimit(Principal principal, Invocation invocation, ConversationRef conversation) {
        return invocation.commandId().equals("echo")
                ? Optional.of(new RateLimit(LIMIT, "policy.yaml:5:5", 2, Duration.ofMinutes(10))) : Optional.empty();
    }

    private static boolean prodDeploy(Invocation invocation) {
        return invocation.commandId().equals("deploy.service") && "prod".equals(invocation.args().get("env"));
    }
}
