package dev.switchboard.api.pipeline;

import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import java.util.Objects;

/**
 * One message on its way through the pipeline. Immutable: each stage passes on a copy with what it learned.
 *
 * @param message the message as the adapter delivered it
 * @param correlationId ties together the log lines, audit events and the user-visible reference of this message
 * @param principal who asked; null until the identity stage ran
 * @param invocation the parsed command; null until the parse stage matched one
 * @param decision what policy decided; null until the authorize stage ran
 * @param audited true once the {@code received} event is durably in the audit log; when it is false (the audit
 *     store is down) only read-only built-in commands may run, everything else is refused (fail closed)
 * @param breakGlass the reason given with {@code --break-glass "reason"}, or null; it lets a member of the
 *     configured break-glass groups skip an approval (never authorisation), flagged in the audit log
 */
public record Exchange(
        InboundMessage message, String correlationId, Principal principal, Invocation invocation, Decision decision,
        boolean audited, String breakGlass) {

    public Exchange {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static Exchange of(InboundMessage message, String correlationId) {
        return new Exchange(message, correlationId, null, null, null, false, null);
    }

    public Exchange withPrincipal(Principal p) {
        return new Exchange(message, correlationId, p, invocation, decision, audited, breakGlass);
    }

    public Exchange withInvocation(Invocation i) {
        return new Exchange(message, correlationId, principal, i, decision, audited, breakGlass);
    }

    public Exchange withDecision(Decision d) {
        return new Exchange(message, correlationId, principal, invocation, d, audited, breakGlass);
    }

    public Exchange withAudited(boolean durablyAudited) {
        return new Exchange(message, correlationId, principal, invocation, decision, durablyAudited, breakGlass);
    }

    public Exchange withBreakGlass(String reason) {
        return new Exchange(message, correlationId, principal, invocation, decision, audited, reason);
    }
}
