package dev.switchboard.core.pipeline;

import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves who is asking from the platform account (never the display name). Fails closed: if the resolver
 * throws or returns null, the message is denied with the correlation id as ref.
 */
public final class IdentityStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(IdentityStage.class);

    private final IdentityResolver resolver;

    public IdentityStage(IdentityResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        Principal principal;
        try {
            principal = resolver.resolve(exchange.message().user());
        } catch (RuntimeException e) {
            log.error("identity lookup failed for {}, denying [{}]", exchange.message().user().key(),
                    exchange.correlationId(), e);
            principal = null;
        }
        if (principal == null) {
            return new Outcome.Denied("your identity cannot be checked right now", "fail closed",
                    exchange.correlationId());
        }
        return chain.proceed(exchange.withPrincipal(principal));
    }
}
