package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.approval.PendingRequest.Kind;
import dev.switchboard.api.approval.PendingRequest.State;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in commands that act on parked requests: {@code yes <code>} and {@code no <code>} (the requester's
 * confirmation), {@code approve <id>}, {@code deny <id> [reason]} and {@code approvals}. Buttons send exactly these
 * commands, so a click is checked the same way as typing. Every answer is re-checked at the moment it is given:
 * the approver's eligibility under the policy in force, the request's expiry, and (on resume) the requester's own
 * authorisation and the frozen arguments. Thread-safe.
 */
public final class ApprovalCommands {
    /** The built-in names answered here. */
    public static final Set<String> NAMES = Set.of("yes", "no", "approve", "deny", "approvals");

    private final Parking parking;
    private final Policy policy;
    private final Resumption resumption;
    private final Notices notices;

    public ApprovalCommands(Parking parking, Policy policy, Resumption resumption, Notices notices) {
        this.parking = Objects.requireNonNull(parking, "parking");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resumption = Objects.requireNonNull(resumption, "resumption");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** The outcome of one of {@link #NAMES}; {@code name} is the built-in's name, never null. */
    public Outcome answer(String name, Exchange ex) {
        var args = ex.invocation().args();
        return switch (name) {
            case "yes" -> confirm(ex, args.get("code"));
            case "no" -> withdraw(ex, args.get("code"));
            case "approve" -> approve(ex, args.get("id"));
            case "deny" -> deny(ex, args.get("id"), args.get("reason"));
            case "approvals" -> new Outcome.Replied(ApprovalList.of(parking.store().pending(), ex.principal(),
                    policy));
            default -> throw new IllegalArgumentException("not an approval command: " + name);
        };
    }

    private Outcome confirm(Exchange ex, String code) {
        Optional<PendingRequest> found = live(code, Kind.CONFIRMATION);
        if (found.isEmpty()) {
            return replied(gone(code, Kind.CONFIRMATION));
        }
        PendingRequest request = found.get();
        if (!request.requesterId().equals(ex.principal().id())) {
            return denied(ex, "only " + request.requesterId() + " can confirm what they asked for", request);
        }
        if (!parking.store().transition(request.id(), State.PENDING, State.GRANTED, null)) {
            return replied("Code " + code + " was already used.");
        }
        record(AuditEventType.CONFIRMED, request, ex).write();
        return resume(request, ex).orElseGet(() -> new Outcome.Ignored("confirmed; the command answers for itself"));
    }

    private Outcome withdraw(Exchange ex, String code) {
        Optional<PendingRequest> found = live(code, Kind.CONFIRMATION);
        if (found.isEmpty()) {
            return replied(gone(code, Kind.CONFIRMATION));
        }
        PendingRequest request = found.get();
        if (!request.requesterId().equals(ex.principal().id())) {
            return denied(ex, "only " + request.requesterId() + " can call off what they asked for", request);
        }
        if (!parking.store().transition(request.id(), State.PENDING, State.CANCELLED, "called off by the requester")) {
            return replied("Code " + code + " was already used.");
        }
        record(AuditEventType.REJECTED, request, ex).detail("reason", "called off by the requester").write();
        return replied("Called off: " + Parking.describe(request) + " will not run.");
    }

    private Outcome approve(Exchange ex, String id) {
        Optional<PendingRequest> found = live(id, Kind.APPROVAL);
        if (found.isEmpty()) {
            return replied(gone(id, Kind.APPROVAL));
        }
        PendingRequest request = found.get();
        Principal approver = ex.principal();
        if (request.requesterId().equals(approver.id())) {
            return denied(ex, "you cannot approve your own request; someone else from "
                    + String.join(", ", request.approvers()) + " has to", request);
        }
        Optional<Outcome> refusal = eligibility(ex, request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (request.votedBy(approver.id())) {
            return replied("You already approved " + id + "; it needs " + (request.required() - request.votes().size())
                    + " more from someone else.");
        }
        Optional<PendingRequest> voted = parking.store().addVote(id, new PendingRequest.Vote(approver.id(),
                ex.message().user().key(), parking.clock().instant()));
        if (voted.isEmpty()) {
            return replied("Approval request " + id + " is no longer waiting.");
        }
        PendingRequest now = voted.get();
        record(AuditEventType.APPROVED, now, ex).detail("votes", now.votes().size() + "/" + now.required()).write();
        if (now.votes().size() < now.required()) {
            int more = now.required() - now.votes().size();
            notices.tell(now.request().conversation(), Reply.text(approver.id() + " approved " + id + " ("
                    + Parking.describe(now) + "); " + Notices.approvals(more) + " still needed."));
            return replied("Approved " + id + ". It needs " + Notices.approvals(more) + " more.");
        }
        if (!parking.store().transition(id, State.PENDING, State.GRANTED, null)) {
            return replied("Approval request " + id + " is no longer waiting.");
        }
        Optional<Outcome> failed = resume(now, ex);
        return failed.orElseGet(() -> replied("Approved " + id + ": " + Parking.describe(now) + " now runs for "
                + now.requesterId() + " in " + now.request().conversation() + "."));
    }

    private Outcome deny(Exchange ex, String id, String reason) {
        Optional<PendingRequest> found = live(id, Kind.APPROVAL);
        if (found.isEmpty()) {
            return replied(gone(id, Kind.APPROVAL));
        }
        PendingRequest request = found.get();
        boolean withdrawing = request.requesterId().equals(ex.principal().id());
        if (!withdrawing) {
            Optional<Outcome> refusal = eligibility(ex, request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        String why = reason == null || reason.isBlank() ? (withdrawing ? "withdrawn by the requester" : "no reason given")
                : reason.strip();
        if (!parking.store().transition(id, State.PENDING, withdrawing ? State.CANCELLED : State.DENIED, why)) {
            return replied("Approval request " + id + " is no longer waiting.");
        }
        record(AuditEventType.REJECTED, request, ex).detail("reason", why).write();
        if (!withdrawing) {
            notices.tell(request.request().conversation(), Reply.text(ex.principal().id() + " denied "
                    + request.requesterId() + "'s request " + id + " (" + Parking.describe(request) + "): " + why));
        }
        return replied((withdrawing ? "Withdrawn " : "Denied ") + id + ": " + Parking.describe(request)
                + " will not run.");
    }

    /**
     * Why the caller may not act on {@code request} as an approver right now, if so. Eligibility is judged under the
     * policy in force: if it no longer lets the requester run the command at all, the request is cancelled.
     */
    private Optional<Outcome> eligibility(Exchange ex, PendingRequest request) {
        List<String> approvers = request.approvers();
        if (resumption.rebuild(request) instanceof Resumption.Rebuilt.Ready ready) {
            Exchange asked = ready.exchange();
            Decision now = policy.decide(asked.principal(), asked.invocation(), asked.message().conversation());
            if (now instanceof Decision.Deny d) {
                cancel(request, ex, request.requesterId() + " may no longer run this: " + d.reason());
                return Optional.of(denied(ex, request.requesterId() + " may no longer run this (" + d.reason()
                        + "), so request " + request.id() + " was cancelled", request));
            }
            if (now instanceof Decision.RequireApproval r) {
                approvers = r.approvers();
            }
        }
        if (!ex.principal().known() || !policy.mayApprove(ex.principal(), approvers)) {
            return Optional.of(denied(ex, "you are not one of the approvers of " + request.id() + " ("
                    + String.join(", ", approvers) + ")", request));
        }
        return Optional.empty();
    }

    /** Runs a granted request on; empty when it went on (its own reply goes to its conversation). */
    private Optional<Outcome> resume(PendingRequest request, Exchange by) {
        return switch (resumption.rebuild(request)) {
            case Resumption.Rebuilt.Changed changed -> {
                parking.store().transition(request.id(), State.GRANTED, State.CANCELLED, changed.reason());
                record(AuditEventType.REJECTED, request, by).detail("reason", changed.reason()).write();
                notices.tell(request.request().conversation(), Reply.text("Request " + request.id() + " ("
                        + Parking.describe(request) + ") did not run: " + changed.reason() + ". Ask again."));
                yield Optional.of(denied(by, changed.reason(), request));
            }
            case Resumption.Rebuilt.Ready ready -> {
                resumption.resume(ready.exchange());
                yield Optional.empty();
            }
        };
    }

    private void cancel(PendingRequest request, Exchange by, String why) {
        if (parking.store().transition(request.id(), State.PENDING, State.CANCELLED, why)) {
            record(AuditEventType.REJECTED, request, by).detail("reason", why).write();
            notices.tell(request.request().conversation(), Reply.text("Request " + request.id() + " ("
                    + Parking.describe(request) + ") was cancelled: " + why + "."));
        }
    }

    /** The request if it exists, is of {@code kind} and has not lapsed; a lapsed one is expired on the spot. */
    private Optional<PendingRequest> live(String id, Kind kind) {
        Optional<PendingRequest> found = parking.store().find(id).filter(r -> r.kind() == kind);
        if (found.isPresent() && found.get().state() == State.PENDING
                && found.get().expiredAt(parking.clock().instant())) {
            new ExpirySweeper(parking, notices).expire(found.get());
            return Optional.empty();
        }
        return found.filter(r -> r.state() == State.PENDING);
    }

    /** Why nothing waits under {@code id}: it never existed, or it already ended and how. */
    private String gone(String id, Kind kind) {
        String what = kind == Kind.CONFIRMATION ? "Confirmation code " + id : "Approval request " + id;
        Optional<PendingRequest> found = parking.store().find(id).filter(r -> r.kind() == kind);
        if (found.isEmpty()) {
            return kind == Kind.CONFIRMATION ? "There is no confirmation waiting for code " + id + "."
                    : "There is no approval request " + id + ". Type approvals to see what waits for you.";
        }
        return what + switch (found.get().state()) {
            case EXPIRED -> " expired at " + Notices.time(found.get().expires()) + "; nothing ran. Ask again.";
            case DENIED -> " was denied; nothing ran.";
            case CANCELLED -> " was called off; nothing ran.";
            case GRANTED, USED -> " was already used.";
            case PENDING -> " is still waiting.";
        };
    }

    private Parking.Recorder record(AuditEventType type, PendingRequest request, Exchange by) {
        return parking.record(type, request, by.principal().id(), by.message().user().key());
    }

    private static Outcome replied(String text) {
        return new Outcome.Replied(Reply.text(text));
    }

    private static Outcome denied(Exchange ex, String reason, PendingRequest request) {
        return new Outcome.Denied(reason, request.rule(), ex.correlationId());
    }
}
