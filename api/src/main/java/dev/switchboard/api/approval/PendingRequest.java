package dev.switchboard.api.approval;

import dev.switchboard.api.chat.InboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command parked until its requester confirms it or enough eligible people approve it. Immutable; the store
 * hands out a fresh copy after every change.
 *
 * @param id what people type to act on it: the confirmation code ({@code yes 4821}) or the approval id
 *     ({@code approve 7f3a2c}); unique among all requests
 * @param kind confirmation or approval
 * @param correlationId the correlation id of the original request; the command resumes under it, so its audit
 *     events stay linked
 * @param request the original message exactly as received (who, where, text), replayed when the request resumes
 * @param requesterId the principal id of the requester ({@code alice})
 * @param commandId the command asked for
 * @param shownArgs the arguments as shown to people, secrets already masked
 * @param argsHash short hash of the command id and its exact arguments; a resume re-parses the text and refuses
 *     if the hash differs (the arguments cannot change between request and execution)
 * @param rule the policy rule that asked for it
 * @param approvers who may approve ({@code group:sre}, {@code user:bob}); empty for confirmations
 * @param required how many distinct approvals are needed; 1 for confirmations
 * @param created when it was asked for
 * @param expires when it lapses if nobody acted
 * @param state where it stands
 * @param votes the approvals given so far, oldest first
 * @param note why it was denied, or another short remark; null when none
 */
public record PendingRequest(
        String id, Kind kind, String correlationId, InboundMessage request, String requesterId, String commandId,
        Map<String, String> shownArgs, String argsHash, String rule, List<String> approvers, int required,
        Instant created, Instant expires, State state, List<Vote> votes, String note) {

    /** What the request waits for. */
    public enum Kind { CONFIRMATION, APPROVAL }

    /**
     * Where a request stands. {@code PENDING} waits; {@code GRANTED} means confirmed or fully approved and about to
     * run; {@code USED} means it ran (a grant is used once); the rest are final refusals.
     */
    public enum State {
        PENDING, GRANTED, USED, DENIED, EXPIRED, CANCELLED;

        public boolean isFinal() {
            return this == USED || this == DENIED || this == EXPIRED || this == CANCELLED;
        }
    }

    /** One approval: who gave it (principal id and the platform account they used) and when. */
    public record Vote(String approverId, String account, Instant at) {
        public Vote {
            Objects.requireNonNull(approverId, "approverId");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(at, "at");
        }
    }

    public PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(argsHash, "argsHash");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(state, "state");
        shownArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shownArgs));
        approvers = List.copyOf(approvers);
        votes = List.copyOf(votes);
        if (required < 1) {
            throw new IllegalArgumentException("required must be at least 1, was " + required);
        }
    }

    /** True once {@code now} is at or past {@link #expires}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** Whether {@code principalId} already approved. */
    public boolean votedBy(String principalId) {
        return votes.stream().anyMatch(v -> v.approverId().equals(principalId));
    }

    public PendingRequest withState(State next, String why) {
        return new PendingRequest(id, kind, correlationId, request, requesterId, commandId, shownArgs, argsHash, rule,
                approvers, required, created, expires, next, votes, why);
    }

    public PendingRequest withVote(Vote vote) {
        List<Vote> more = new java.util.ArrayList<>(votes);
        more.add(vote);
        return new PendingRequest(id, kind, correlationId, request, requesterId, commandId, shownArgs, argsHash, rule,
                approvers, required, created, expires, state, more, note);
    }
}
