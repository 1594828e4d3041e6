package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.reply.Reply;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lapses requests nobody acted on in time: each becomes {@code expired}, is audited, and its conversation is told
 * that nothing ran. Run it periodically; an expired request is also lapsed on the spot when someone tries to use
 * it, so the period only decides how soon the notice comes. Thread-safe; replicas may sweep at the same time (the
 * state change is a compare-and-set, so each request is expired and announced once).
 */
public final class ExpirySweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final Parking parking;
    private final Notices notices;

    public ExpirySweeper(Parking parking, Notices notices) {
        this.parking = Objects.requireNonNull(parking, "parking");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** Expires every request due by now; returns how many this call expired. Never throws. */
    public int sweep() {
        try {
            int expired = 0;
            for (PendingRequest request : parking.store().expiring(parking.clock().instant())) {
                expired += expire(request) ? 1 : 0;
            }
            return expired;
        } catch (RuntimeException e) {
            log.warn("could not expire pending requests this time: {}", e.getMessage());
            return 0;
        }
    }

    /** Expires one request if it is still pending; false if someone else already ended it. */
    boolean expire(PendingRequest request) {
        if (!parking.store().transition(request.id(), PendingRequest.State.PENDING, PendingRequest.State.EXPIRED,
                "nobody acted before " + request.expires())) {
            return false;
        }
        parking.record(AuditEventType.EXPIRED, request, request.requesterId(), request.request().user().key())
                .detail("kind", request.kind().name().toLowerCase(java.util.Locale.ROOT))
                .detail("votes", request.votes().size() + "/" + request.required())
                .write();
        String what = request.kind() == PendingRequest.Kind.CONFIRMATION ? "The confirmation " + request.id()
                : "Approval request " + request.id();
        notices.tell(request.request().conversation(), Reply.text(what + " for " + Parking.describe(request)
                + " expired; nothing ran. Ask again if it is still needed."));
        return true;
    }
}
