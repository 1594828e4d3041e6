package dev.switchboard.core.pipeline;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.policy.Decision;

/**
 * Holds commands that policy says need approval. Approvals are not built yet, so such a command is denied (fail
 * closed) rather than run; every other command passes.
 */
public final class ApproveStage implements Stage {
    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        if (exchange.decision() instanceof Decision.RequireApproval r) {
            return new Outcome.Denied("approval is required but approvals are not configured yet", r.rule(),
                    exchange.correlationId());
        }
        return chain.proceed(exchange);
    }
}
