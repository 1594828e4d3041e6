package dev.switchboard.testkit;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.job.Jobs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs for the harness's own tests, standing in for the real runner: a {@code reply} command finishes at once with
 * its text; a {@code slow} command stays running until {@link #finish} (then its ack is edited). Records
 * started/finished like the real runner.
 */
final class FakeJobs implements Jobs {
    private final ChatTestHarness.Parts parts;
    private final Map<Long, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<Long, MessageRef> messages = new ConcurrentHashMap<>();
    private long nextId = 1;

    FakeJobs(ChatTestHarness.Parts parts) {
        this.parts = parts;
    }

    @Override
    public synchronized Outcome run(Exchange ex) {
        long id = nextId++;
        var inv = ex.invocation();
        jobs.put(id, new JobRecord(id, inv.commandId(), inv.text(), inv.redactedArgs(), ex.principal().id(),
                ex.message().user().key(), ex.message().conversation(), ex.correlationId(), null, "test",
                JobState.RUNNING, parts.clock().instant(), parts.clock().instant(), null, null, null, null));
        parts.auditLog().record(AuditEvent.builder(AuditEventType.STARTED, parts.clock().instant())
                .actor(ex.principal().id()).commandId(inv.commandId()).jobId(id).correlationId(ex.correlationId())
                .build());
        if (inv.command().action().kind().equals("slow")) {
            return new Outcome.Accepted(id, inv.text());
        }
        String text = ArgTemplate.parse(String.valueOf(inv.command().action().settings().get("text")))
                .expand(inv.args());
        end(id, JobState.SUCCEEDED, text);
        return new Outcome.Completed(id, true, Reply.text(text));
    }

    /** Ends a slow job and edits its ack, as the real runner streams the result into it. */
    void finish(long id, String text) {
        end(id, JobState.SUCCEEDED, text);
        parts.gateway().edit(messages.get(id), Reply.text(text));
    }

    private void end(long id, JobState state, String summary) {
        JobRecord j = jobs.get(id);
        jobs.put(id, new JobRecord(j.id(), j.commandId(), j.text(), j.args(), j.requester(), j.account(),
                j.conversation(), j.correlationId(), null, j.node(), state, j.createdAt(), j.startedAt(),
                parts.clock().instant(), 0, summary, j.messageId()));
        parts.auditLog().record(AuditEvent.builder(AuditEventType.FINISHED, parts.clock().instant())
                .actor(j.requester()).commandId(j.commandId()).jobId(id).detail("status", state.wireName()).build());
    }

    @Override
    public void attachMessage(long jobId, MessageRef message) {
        messages.put(jobId, message);
    }

    @Override
    public CancelResult cancel(long jobId, Principal by) {
        JobRecord j = jobs.get(jobId);
        if (j == null) {
            return new CancelResult.NotFound(jobId);
        }
        if (j.state().terminal()) {
            return new CancelResult.AlreadyFinished(jobId, j.state().wireName());
        }
        end(jobId, JobState.CANCELLED, "cancelled by " + by.id());
        return new CancelResult.Cancelled(jobId);
    }

    @Override
    public Optional<JobRecord> find(long jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<JobRecord> list(JobQuery query) {
        List<JobRecord> out = new ArrayList<>(jobs.values());
        out.removeIf(j -> query.requester() != null && !query.requester().equals(j.requester())
                || !query.states().isEmpty() && !query.states().contains(j.state()));
        out.sort(Comparator.comparingLong(JobRecord::id).reversed());
        return out.subList(0, Math.min(out.size(), query.limit()));
    }

    @Override
    public List<String> outputTail(long jobId, int lines) {
        return jobs.containsKey(jobId) ? List.of("step 1 ok", "step 2 ok") : List.of();
    }

    @Override
    public int recoverAfterRestart() {
        return 0;
    }

}
