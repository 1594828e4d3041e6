package dev.switchboard.core.pipeline;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.policy.RateLimit;
import dev.switchboard.core.limit.RateLimiter;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks policy whether the principal may run the invocation here. Fails closed: a policy that throws or returns
 * null denies. An approval requirement passes on as the exchange's decision for the approve stage.
 */
public final class AuthorizeStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(AuthorizeStage.class);

    private final Policy policy;
    private final RateLimiter limiter;
    private final Clock clock;

    /** Authorises without counting rate limits (resumed requests were counted when first asked). */
    public AuthorizeStage(Policy policy) {
        this(policy, null, Clock.systemUTC());
    }

    /** Authorises and, for allowed requests, counts them against the policy's rate limits. */
    public AuthorizeStage(Policy policy, RateLimiter limiter, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limiter = limiter;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome apply(Exchange ex, Chain chain) {
        Decision decided;
        try {
            decided = policy.decide(ex.principal(), ex.invocation(), ex.message().conversation());
        } catch (RuntimeException e) {
            log.error("policy failed, denying {} [{}]", ex.invocation().commandId(), ex.correlationId(), e);
            decided = null;
        }
        Decision decision = decided != null ? decided : Decision.deny("authorization is unavailable right now");
        if (decision instanceof Decision.Deny d) {
            return new Outcome.Denied(d.reason(), d.rule(), ex.correlationId());
        }
        Optional<Outcome> limited = limited(ex);
        return limited.orElseGet(() -> chain.proceed(ex.withDecision(decision)));
    }

    /** A denial when the principal is over a rate limit that applies; fails closed if the policy breaks here. */
    private Optional<Outcome> limited(Exchange ex) {
        if (limiter == null) {
            return Optional.empty();
        }
        Optional<RateLimit> limit;
        try {
            limit = policy.rateLimit(ex.principal(), ex.invocation(), ex.message().conversation());
        } catch (RuntimeException e) {
            log.error("policy failed on rate limits, denying {} [{}]", ex.invocation().commandId(),
                    ex.correlationId(), e);
            return Optional.of(new Outcome.Denied("authorization is unavailable right now", "fail closed",
                    ex.correlationId()));
        }
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        RateLimit l = limit.get();
        return switch (limiter.acquire(ex.principal().id(), l, clock.instant())) {
            case RateLimiter.Verdict.Allowed a -> Optional.empty();
            case RateLimiter.Verdict.Limited over -> Optional.of(new Outcome.Denied("you may run "
                    + ex.invocation().commandId() + " at most " + l.count() + " time" + (l.count() == 1 ? "" : "s")
                    + " per " + RateLimiter.describe(l.per()) + "; try again in "
                    + RateLimiter.describe(over.retryAfter()), l.rule(), ex.correlationId()));
        };
    }
}
