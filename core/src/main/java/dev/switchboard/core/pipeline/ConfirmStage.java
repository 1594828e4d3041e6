package dev.switchboard.core.pipeline;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;

/**
 * Asks the requester to confirm risky commands before they run. For now every command passes: confirmations
 * arrive with the next issue, and will fail closed like the other security stages.
 */
public final class ConfirmStage implements Stage {
    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        return chain.proceed(exchange);
    }
}
