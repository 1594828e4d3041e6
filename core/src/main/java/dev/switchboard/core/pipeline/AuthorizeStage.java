package dev.switchboard.core.pipeline;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks policy whether the principal may run the invocation here. Fails closed: a policy that throws or returns
 * null denies. An approval requirement passes on as the exchange's decision for the approve stage.
 */
public final class AuthorizeStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(AuthorizeStage.class);

    private final Policy policy;

    public AuthorizeStage(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Outcome apply(Exchange ex, Chain chain) {
        Decision decision;
        try {
            decision = policy.decide(ex.principal(), ex.invocation(), ex.message().conversation());
        } catch (RuntimeException e) {
            log.error("policy failed, denying {} [{}]", ex.invocation().commandId(), ex.correlationId(), e);
            decision = null;
        }
        if (decision == null) {
            decision = Decision.deny("authorization is unavailable right now");
        }
        return switch (decision) {
            case Decision.Deny d -> new Outcome.Denied(d.reason(), d.rule(), ex.correlationId());
            case Decision.Allow a -> chain.proceed(ex.withDecision(a));
            case Decision.RequireApproval r -> chain.proceed(ex.withDecision(r));
        };
    }
}
