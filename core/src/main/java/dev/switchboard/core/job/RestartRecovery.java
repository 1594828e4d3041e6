package dev.switchboard.core.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up clean-up: the jobs this node left queued or running become interrupted, their locks are released, the
 * audit log records it and each conversation is told (never re-run: the target may be half changed). Each step is
 * attempted for every job even if another failed.
 */
final class RestartRecovery {
    private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

    private final JobServices services;

    RestartRecovery(JobServices services) {
        this.services = services;
    }

    int recover() {
        Instant now = services.clock().instant();
        List<JobRecord> interrupted = services.store().interruptUnfinished(services.settings().node(), now);
        for (JobRecord job : interrupted) {
            if (job.lockName() != null) {
                try {
                    services.locks().release(job.lockName(), job.id());
                } catch (StorageException e) {
                    log.error("could not release lock {} of interrupted job {} [{}]", job.lockName(), job.id(),
                            job.correlationId(), e);
                }
            }
            try {
                services.audit().record(JobAuditEvents.interrupted(job, now));
            } catch (RuntimeException e) {
                log.error("could not record that job {} was interrupted [{}]", job.id(), job.correlationId(), e);
            }
            tell(job);
        }
        if (!interrupted.isEmpty()) {
            log.warn("{} job(s) were interrupted by a restart: {}", interrupted.size(),
                    interrupted.stream().map(JobRecord::id).toList());
        }
        return interrupted.size();
    }

    private void tell(JobRecord job) {
        Reply notice = Reply.text(JobReplies.interrupted(job));
        try {
            services.gateway().say(job.conversation(), notice);
        } catch (RuntimeException e) {
            log.error("could not tell {} that job {} was interrupted [{}]", job.conversation(), job.id(),
                    job.correlationId(), e);
        }
        if (job.messageId() != null) {
            try {
                services.gateway().edit(new MessageRef(job.conversation(), job.messageId()), notice);
            } catch (RuntimeException e) {
                log.warn("could not edit the progress message of interrupted job {} [{}]", job.id(),
                        job.correlationId(), e);
            }
        }
    }
}
