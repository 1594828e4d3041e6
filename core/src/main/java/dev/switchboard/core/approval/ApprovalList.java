package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** The answer to {@code approvals}: what waits for the caller's approval, and the caller's own waiting requests. */
final class ApprovalList {
    private ApprovalList() {}

    static Reply of(List<PendingRequest> pending, Principal caller, Policy policy) {
        List<PendingRequest> mine = new ArrayList<>();
        List<PendingRequest> forMe = new ArrayList<>();
        for (PendingRequest request : pending) {
            if (request.kind() != PendingRequest.Kind.APPROVAL) {
                continue;
            }
            if (request.requesterId().equals(caller.id())) {
                mine.add(request);
            } else if (caller.known() && policy.mayApprove(caller, request.approvers())
                    && !request.votedBy(caller.id())) {
                forMe.add(request);
            }
        }
        if (mine.isEmpty() && forMe.isEmpty()) {
            return Reply.text("Nothing waits for your approval, and you have no requests waiting.");
        }
        Reply.Builder reply = Reply.builder();
        if (!forMe.isEmpty()) {
            reply.text("Waiting for your approval:").table(List.of("id", "who", "what", "where", "approvals", "expires"),
                    forMe.stream().map(ApprovalList::row).toList());
            if (forMe.size() == 1) {
                String id = forMe.getFirst().id();
                reply.buttons(new Button("Approve", "approve " + id, Button.Style.PRIMARY),
                        new Button("Deny", "deny " + id, Button.Style.DANGER));
            }
        }
        if (!mine.isEmpty()) {
            reply.text("Your requests waiting for approval:").table(List.of("id", "who", "what", "where", "approvals",
                    "expires"), mine.stream().map(ApprovalList::row).toList());
        }
        return reply.build();
    }

    private static List<String> row(PendingRequest r) {
        return List.of(r.id(), r.requesterId(), Parking.describe(r), r.request().conversation().toString(),
                r.votes().size() + "/" + r.required() + " from " + String.join(", ", r.approvers()),
                Notices.time(r.expires()));
    }
}
