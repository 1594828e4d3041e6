package dev.switchboard.core.incident;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.redact.Redactor;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every command run in an incident's conversation on that incident's timeline, with who ran it and how it
 * ended (replied, job finished or failed, job started, waiting). Sits at slot {@code BEFORE_EXECUTE}, so it sees
 * only authorised commands, lets execute run, and records the outcome. Built-in commands are left out (the
 * incident commands write their own entries; help and friends are noise). A job still running when execute returns
 * is recorded as started: its final result is not added later. A timeline that cannot be written never stops the
 * command: the failure is logged. Thread-safe.
 */
public final class IncidentTimelineStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(IncidentTimelineStage.class);
    private static final int MAX_RESULT_CHARS = 160;

    private final Incidents incidents;
    private final Redactor redactor;

    public IncidentTimelineStage(Incidents incidents, Redactor redactor) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        Outcome outcome = chain.proceed(exchange);
        CommandSpec command = exchange.invocation() == null ? null : exchange.invocation().command();
        if (command == null || exchange.principal() == null || Builtins.isBuiltin(command)) {
            return outcome;
        }
        Optional<String> result = result(outcome);
        if (result.isEmpty()) {
            return outcome;
        }
        try {
            incidents.recordCommand(exchange.message().conversation(), exchange.principal().id(),
                    redactor.redact(exchange.message().text(), exchange.invocation()), result.get());
        } catch (RuntimeException e) {
            log.warn("could not put {} on an incident timeline [{}]", command.id(), exchange.correlationId(), e);
        }
        return outcome;
    }

    private Optional<String> result(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Replied r -> Optional.of("replied: " + capped(r.reply().plainText()));
            case Outcome.Completed c -> Optional.of("job " + c.jobId() + (c.succeeded() ? " succeeded" : " failed")
                    + ": " + capped(c.reply().plainText()));
            case Outcome.Accepted a -> Optional.of("job " + a.jobId() + " started");
            case Outcome.PendingConfirmation p -> Optional.of("waiting for confirmation");
            case Outcome.PendingApproval p -> Optional.of("waiting for approval " + p.approvalId());
            case Outcome.Denied d -> Optional.of("denied: " + d.reason());
            case Outcome.Failed f -> Optional.of("failed: " + f.message());
            case Outcome.Ignored i -> Optional.empty();
            case Outcome.NoMatch n -> Optional.empty();
            case Outcome.Ambiguous a -> Optional.empty();
            case Outcome.Invalid i -> Optional.empty();
        };
    }

    private String capped(String text) {
        String line = redactor.redact(text).replaceAll("\\s+", " ").strip();
        return line.length() > MAX_RESULT_CHARS ? line.substring(0, MAX_RESULT_CHARS) + "…" : line;
    }
}
