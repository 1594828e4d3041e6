package dev.switchboard.api.pipeline;

import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.List;

/**
 * How the pipeline ended for one message. The reply stage turns each case into what the user sees; the audit stage
 * records each case. All texts in outcomes are user-safe (no secrets, no stack traces).
 */
public sealed interface Outcome {

    /** Answered in process (help, whoami, a {@code reply} action). */
    record Replied(Reply reply) implements Outcome {}

    /** Deliberately not answered (a redelivered event, an empty message). */
    record Ignored(String reason) implements Outcome {}

    /** No command matched; up to three suggestions. */
    record NoMatch(String text, List<String> suggestions) implements Outcome {
        public NoMatch {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** Several commands matched. */
    record Ambiguous(String text, List<String> candidates) implements Outcome {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** A command matched but an argument was wrong. */
    record Invalid(ParseResult.Invalid problem) implements Outcome {}

    /** Refused; {@code reason} is for the user, {@code rule} for the audit log, {@code ref} ties to the logs. */
    record Denied(String reason, String rule, String ref) implements Outcome {}

    /** Waiting for the requester to confirm with {@code code} before {@code expires}. */
    record PendingConfirmation(String code, String summary, Instant expires) implements Outcome {}

    /** Waiting for approvals under {@code approvalId}. */
    record PendingApproval(String approvalId, String summary) implements Outcome {}

    /** Became a job that is still running or queued; its progress is streamed into the conversation. */
    record Accepted(long jobId, String summary) implements Outcome {}

    /** Ran as a job that already finished; {@code reply} reports the result, success or not. */
    record Completed(long jobId, boolean succeeded, Reply reply) implements Outcome {}

    /** Broke; {@code message} is user-safe, {@code ref} finds the stack trace in the logs. */
    record Failed(String message, String ref) implements Outcome {}
}
