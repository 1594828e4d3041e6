package dev.switchboard.core.incident;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.job.Jobs;
import dev.switchboard.core.redact.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every command run in an incident's conversation (or its room) on that incident's timeline, with who ran it
 * and how it ended (replied, job finished or failed with exit code and duration, waiting). Sits at slot
 * {@code BEFORE_EXECUTE}, so it sees only authorised commands, lets execute run, and records the outcome. Built-in
 * commands are left out (the incident commands write their own entries; help and friends are noise). A job still
 * running when execute returns is recorded as started, and its final result is added when it ends
 * ({@link Jobs#whenFinished}). A timeline that cannot be written never stops the command: the failure is logged.
 * Thread-safe.
 */
public final class IncidentTimelineStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(IncidentTimelineStage.class);
    private static final int MAX_RESULT_CHARS = 160;

    private final Incidents incidents;
    private final Redactor redactor;
    private final Jobs jobs;

    public IncidentTimelineStage(Incidents incidents, Redactor redactor, Jobs jobs) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
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
            String text = redactor.redact(exchange.message().text(), exchange.invocation());
            Optional<Incident> incident = incidents.recordCommand(exchange.message().conversation(),
                    exchange.principal().id(), text, result.get());
            if (incident.isPresent() && outcome instanceof Outcome.Accepted accepted) {
                String id = incident.get().id();
                jobs.whenFinished(accepted.jobId(), job -> incidents.recordJobEnd(id, job.requester(),
                        text + " → " + ended(job) + summary(job)));
            }
        } catch (RuntimeException e) {
            log.warn("could not put {} on an incident timeline [{}]", command.id(), exchange.correlationId(), e);
        }
        return outcome;
    }

    private String ended(Outcome.Completed c) {
        try {
            Optional<JobRecord> job = jobs.find(c.jobId());
            if (job.isPresent()) {
                return ended(job.get());
            }
        } catch (RuntimeException e) {
            log.warn("could not read job {} for an incident timeline", c.jobId(), e);
        }
        return "job " + c.jobId() + (c.succeeded() ? " succeeded" : " failed");
    }

    /** {@code job 12 failed (exit 2, after 1m 5s)}: the end state with what is known of exit code and duration. */
    private static String ended(JobRecord job) {
        List<String> facts = new ArrayList<>();
        if (job.exitCode() != null) {
            facts.add("exit " + job.exitCode());
        }
        if (job.startedAt() != null && job.finishedAt() != null) {
            facts.add("after " + PostmortemDocument.duration(Duration.between(job.startedAt(), job.finishedAt())));
        }
        return "job " + job.id() + " " + job.state().wireName().replace('_', ' ')
                + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")");
    }

    /** Why it ended, when that says more than the state (a success's summary only repeats its duration). */
    private String summary(JobRecord job) {
        String why = job.summary();
        if (why == null || why.isBlank() || job.state() == dev.switchboard.api.job.JobState.SUCCEEDED) {
            return "";
        }
        return ": " + capped(why);
    }

    private Optional<String> result(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Replied r -> Optional.of("replied: " + capped(r.reply().plainText()));
            case Outcome.Completed c -> Optional.of(ended(c) + ": " + capped(c.reply().plainText()));
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
