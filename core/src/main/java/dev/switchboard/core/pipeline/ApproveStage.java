package dev.switchboard.core.pipeline;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.approval.ApprovalSettings;
import dev.switchboard.core.approval.Notices;
import dev.switchboard.core.approval.Parking;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds commands that policy says need approval. The first time, the invocation is parked with its arguments
 * frozen, the requester is told who must approve, and the rule's announce conversations are asked. When enough
 * eligible people approved, the request resumes under its original correlation id (re-authorised for the requester
 * on the way) and passes here exactly once. A member of a break-glass group may skip the approval with
 * {@code --break-glass "reason"}; that is audited before the command runs and announced. Fails closed.
 */
public final class ApproveStage implements Stage {
    private final Parking parking;
    private final Notices notices;
    private final AuditLog audit;
    private final ApprovalSettings settings;

    public ApproveStage(Parking parking, Notices notices, AuditLog audit, ApprovalSettings settings) {
        this.parking = Objects.requireNonNull(parking, "parking");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Outcome apply(Exchange ex, Chain chain) {
        if (!(ex.decision() instanceof Decision.RequireApproval needed)) {
            return chain.proceed(ex);
        }
        if (ex.breakGlass() != null) {
            return breakGlass(ex, needed, chain);
        }
        Optional<PendingRequest> earlier = parking.store().findByCorrelation(ex.correlationId(),
                PendingRequest.Kind.APPROVAL);
        if (earlier.isEmpty()) {
            PendingRequest parked = parking.park(ex, PendingRequest.Kind.APPROVAL, needed.rule(), needed.approvers(),
                    needed.count(), needed.ttl());
            notices.tell(Notices.conversations(needed.announce()), Notices.approvalRequest(parked));
            return new Outcome.PendingApproval(parked.id(), Notices.approvalText(parked));
        }
        PendingRequest request = earlier.get();
        return switch (request.state()) {
            case GRANTED -> parking.store().transition(request.id(), PendingRequest.State.GRANTED,
                    PendingRequest.State.USED, null) ? chain.proceed(ex)
                    : denied(ex, "approval " + request.id() + " was already used", request);
            case PENDING -> new Outcome.PendingApproval(request.id(), "Still waiting for approval "
                    + request.id() + ": " + request.votes().size() + " of " + request.required() + " given.");
            case USED -> denied(ex, "approval " + request.id() + " was already used; ask again", request);
            case DENIED -> denied(ex, "approval " + request.id() + " was denied", request);
            case EXPIRED -> denied(ex, "approval " + request.id() + " expired; ask again", request);
            case CANCELLED -> denied(ex, "approval " + request.id() + " was withdrawn", request);
        };
    }

    private Outcome breakGlass(Exchange ex, Decision.RequireApproval needed, Chain chain) {
        if (ex.breakGlass().isBlank()) {
            return new Outcome.Denied("break-glass needs a reason: add --break-glass \"why it cannot wait\"",
                    "break-glass", ex.correlationId());
        }
        if (settings.breakGlassGroups().stream().noneMatch(ex.principal()::inGroup)) {
            String who = settings.breakGlassGroups().isEmpty() ? "nobody may break glass here (security.breakGlass"
                    + " names no groups)" : "only members of " + String.join(", ", settings.breakGlassGroups().stream()
                    .sorted().toList()) + " may break glass";
            return new Outcome.Denied(who + "; ask for approval instead", "break-glass", ex.correlationId());
        }
        // Audit before action: if this write fails, the stage throws and the command does not run.
        audit.record(AuditEvent.builder(AuditEventType.BREAK_GLASS, parking.clock().instant())
                .correlationId(ex.correlationId())
                .actor(ex.principal().id())
                .account(ex.message().user().key())
                .conversation(ex.message().conversation().toString())
                .commandId(ex.invocation().commandId())
                .args(ex.invocation().redactedArgs())
                .rule(needed.rule())
                .detail("reason", ex.breakGlass())
                .build());
        notices.tell(settings.breakGlassAnnounce(), Reply.text("🔨 Break-glass: " + ex.principal().id() + " ran "
                + ex.invocation().commandId() + " " + ex.invocation().redactedArgs() + " in "
                + ex.message().conversation() + " without the approval " + needed.rule() + " asks for. Reason: "
                + ex.breakGlass()));
        return chain.proceed(ex);
    }

    private static Outcome denied(Exchange ex, String reason, PendingRequest request) {
        return new Outcome.Denied(reason, request.rule(), ex.correlationId());
    }
}
