package dev.switchboard.core.pipeline;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.core.approval.Parking;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the requester confirm what policy marks risky: the command is parked and the requester is told exactly
 * what will run and the code to type ({@code yes 4821}) before it expires. When the requester confirms, the
 * request resumes under its original correlation id and passes here once. Fails closed: a confirmation that cannot
 * be stored or audited denies.
 */
public final class ConfirmStage implements Stage {
    private final Policy policy;
    private final Parking parking;
    private final Duration ttl;

    public ConfirmStage(Policy policy, Parking parking, Duration ttl) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.parking = Objects.requireNonNull(parking, "parking");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public Outcome apply(Exchange ex, Chain chain) {
        Optional<String> rule = policy.confirmation(ex.principal(), ex.invocation(), ex.message().conversation());
        if (rule.isEmpty()) {
            return chain.proceed(ex);
        }
        Optional<PendingRequest> earlier = parking.store().findByCorrelation(ex.correlationId(),
                PendingRequest.Kind.CONFIRMATION);
        if (earlier.isEmpty()) {
            PendingRequest parked = parking.park(ex, PendingRequest.Kind.CONFIRMATION, rule.get(), List.of(), 1, ttl);
            return new Outcome.PendingConfirmation(parked.id(), Parking.describe(parked), parked.expires());
        }
        PendingRequest request = earlier.get();
        return switch (request.state()) {
            // Granted by the requester's "yes"; a later resume (after approvals) finds it used and passes too.
            case GRANTED -> {
                parking.store().transition(request.id(), PendingRequest.State.GRANTED, PendingRequest.State.USED,
                        null);
                yield chain.proceed(ex);
            }
            case USED -> chain.proceed(ex);
            case PENDING -> new Outcome.PendingConfirmation(request.id(), Parking.describe(request),
                    request.expires());
            case DENIED, EXPIRED, CANCELLED -> new Outcome.Denied("the confirmation was not given", request.rule(),
                    ex.correlationId());
        };
    }
}
