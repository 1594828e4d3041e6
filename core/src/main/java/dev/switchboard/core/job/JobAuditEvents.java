package dev.switchboard.core.job;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.job.NewJob;
import java.time.Duration;
import java.time.Instant;

/** The audit events of a job's life: {@code started}, {@code finished}, {@code cancelled}, {@code interrupted}. */
final class JobAuditEvents {
    private JobAuditEvents() {}

    static AuditEvent started(long jobId, NewJob job, Instant at) {
        return about(AuditEventType.STARTED, jobId, job, at).build();
    }

    /** {@code finished} (or {@code cancelled}, {@code interrupted}) with status, exit, duration and the digest of the captured output. */
    static AuditEvent ended(long jobId, NewJob job, JobExecution.Result result, String cancelledBy,
                            Instant startedAt, Instant at, String outputDigest) {
        AuditEventType type = switch (result.state()) {
            case CANCELLED -> AuditEventType.CANCELLED;
            case INTERRUPTED -> AuditEventType.INTERRUPTED;
            default -> AuditEventType.FINISHED;
        };
        Instant from = startedAt != null ? startedAt : job.createdAt();
        return about(type, jobId, job, at)
                .detail("status", result.state().wireName())
                .detail("exit", result.exitCode())
                .detail("durationMs", Duration.between(from, at).toMillis())
                .detail("outputDigest", outputDigest)
                .detail("summary", result.summary())
                .detail("cancelledBy", cancelledBy)
                .build();
    }

    static AuditEvent interrupted(JobRecord job, Instant at) {
        return AuditEvent.builder(AuditEventType.INTERRUPTED, at)
                .correlationId(job.correlationId())
                .actor(job.requester())
                .account(job.account())
                .conversation(job.conversation().toString())
                .text(job.text())
                .commandId(job.commandId())
                .args(job.args())
                .jobId(job.id())
                .detail("status", JobState.INTERRUPTED.wireName())
                .detail("node", job.node())
                .build();
    }

    private static AuditEvent.Builder about(AuditEventType type, long jobId, NewJob job, Instant at) {
        return AuditEvent.builder(type, at)
                .correlationId(job.correlationId())
                .actor(job.requester())
                .account(job.account())
                .conversation(job.conversation().toString())
                .text(job.text())
                .commandId(job.commandId())
                .args(job.args())
                .jobId(jobId);
    }
}
