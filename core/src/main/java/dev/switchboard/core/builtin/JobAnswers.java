package dev.switchboard.core.builtin;

import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.job.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The answers of {@code jobs [mine|running|recent]} and {@code job <id>}. */
final class JobAnswers {
    static final int LIST_LIMIT = 20;
    static final int TAIL_LINES = 20;

    private final Jobs jobs;
    private final Clock clock;

    JobAnswers(Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    Reply list(String filter, Principal principal) {
        JobQuery query = switch (filter) {
            case "mine" -> new JobQuery(principal.id(), Set.of(), LIST_LIMIT);
            case "running" -> new JobQuery(null, Set.of(JobState.QUEUED, JobState.RUNNING), LIST_LIMIT);
            default -> JobQuery.recent(LIST_LIMIT);
        };
        List<JobRecord> found = jobs.list(query);
        if (found.isEmpty()) {
            return Reply.text(switch (filter) {
                case "mine" -> "You have no jobs.";
                case "running" -> "No jobs are running.";
                default -> "No jobs yet.";
            });
        }
        List<List<String>> rows = new ArrayList<>();
        for (JobRecord j : found) {
            rows.add(List.of(Long.toString(j.id()), j.commandId(), j.state().wireName(), j.requester(),
                    Times.format(j.startedAt())));
        }
        return Reply.builder().table(List.of("id", "command", "state", "requester", "started"), rows).build();
    }

    Reply show(long id) {
        Optional<JobRecord> found = jobs.find(id);
        if (found.isEmpty()) {
            return Reply.text("There is no job " + id + ".");
        }
        JobRecord j = found.get();
        Reply.Builder reply = Reply.builder()
                .text("Job " + j.id() + ": " + j.text())
                .field("State", j.state().wireName())
                .field("Command", j.commandId())
                .field("Requester", j.requester())
                .field("Created", Times.format(j.createdAt()))
                .field("Started", Times.format(j.startedAt()))
                .field("Finished", Times.format(j.finishedAt()))
                .field("Duration", duration(j))
                .field("Exit code", j.exitCode() == null ? "-" : j.exitCode().toString())
                .field("Summary", j.summary() == null ? "-" : j.summary());
        List<String> tail = jobs.outputTail(id, TAIL_LINES);
        if (!tail.isEmpty()) {
            reply.code(String.join("\n", tail));
        }
        return reply.build();
    }

    private String duration(JobRecord j) {
        if (j.startedAt() == null) {
            return "-";
        }
        Duration d = Duration.between(j.startedAt(), j.finishedAt() != null ? j.finishedAt() : clock.instant());
        return Times.format(d) + (j.finishedAt() == null ? " so far" : "");
    }
}
