package dev.switchboard.core.job;

import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.job.JobState;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The chat texts of jobs: progress, results, lock refusals and restart notices. Stateless. */
final class JobReplies {
    private JobReplies() {}

    /** What a job is called in chat: the (redacted) text that started it, or its command id. */
    static String label(String text, String commandId) {
        return text == null || text.isBlank() ? commandId : text.strip();
    }

    /** A queued or running job: a status line, the output tail and a Cancel button. */
    static Reply progress(long jobId, String label, JobState state, String waitingForLock, Duration elapsed,
                          List<String> tail) {
        String status = state == JobState.QUEUED
                ? (waitingForLock != null
                        ? "⏳ " + label + " is waiting for " + waitingForLock + " (job " + jobId + ")"
                        : "⏳ " + label + " is queued (job " + jobId + ")")
                : "⏳ " + label + " is running (job " + jobId + ", " + humanize(elapsed) + ")";
        Reply.Builder reply = Reply.builder().text(status);
        if (!tail.isEmpty()) {
            reply.code(String.join("\n", tail));
        }
        return reply.buttons(new Button("Cancel", "cancel " + jobId, Button.Style.DANGER)).build();
    }

    /** A finished job: a status line and, if there was output, its tail in a code block. */
    static Reply result(String label, JobState state, String summary, List<String> tail) {
        Reply.Builder reply = Reply.builder().text(statusLine(label, state, summary));
        if (!tail.isEmpty()) {
            reply.code(String.join("\n", tail));
        }
        return reply.build();
    }

    static String statusLine(String label, JobState state, String summary) {
        String why = summary == null || summary.isBlank() ? "" : summary;
        return switch (state) {
            case SUCCEEDED -> "✅ " + label + " " + (why.isEmpty() ? "finished" : why);
            case FAILED -> "❌ " + label + " failed" + (why.isEmpty() ? "" : ": " + why);
            case TIMED_OUT -> "⏱ " + label + " " + (why.isEmpty() ? "timed out" : why);
            case CANCELLED -> "🛑 " + label + " " + (why.isEmpty() ? "cancelled" : why);
            case INTERRUPTED -> "⚠️ " + label + " " + (why.isEmpty() ? "was interrupted" : why);
            case QUEUED -> "⏳ " + label + " is queued";
            case RUNNING -> "⏳ " + label + " is running";
        };
    }

    /** The acknowledgement summary of a job that did not finish within the ack time. */
    static String accepted(long jobId, String label, String waitingForLock) {
        return waitingForLock != null
                ? label + " is queued as job " + jobId + ", waiting for " + waitingForLock
                : label + " is running as job " + jobId;
    }

    /** Why a second caller is refused a lock held by {@code holder} (null if the holder's record is gone). */
    static String lockRefused(String lockName, long holderId, JobRecord holder, java.time.Instant now) {
        if (holder == null) {
            return lockName + " is in use by job " + holderId + "; try again when it finishes";
        }
        boolean running = holder.state() == JobState.RUNNING && holder.startedAt() != null;
        java.time.Instant since = running ? holder.startedAt() : holder.createdAt();
        return lockName + " is in use by job " + holderId + " (" + holder.requester() + ", "
                + (running ? "running" : "queued") + " for " + humanize(Duration.between(since, now))
                + "); try again when it finishes";
    }

    static String interrupted(JobRecord job) {
        return "⚠️ job " + job.id() + " (" + label(job.text(), job.commandId()) + ") was interrupted because "
                + "Switchboard restarted while it ran; it was not re-run. Check the target before trying again.";
    }

    /** A short duration for people: {@code 0.4s}, {@code 3.2s}, {@code 2m}, {@code 2m 5s}, {@code 1h 5m}. */
    static String humanize(Duration d) {
        Duration duration = d.isNegative() ? Duration.ZERO : d;
        long seconds = duration.toSeconds();
        if (seconds < 60 && duration.toMillis() % 1000 == 0) {
            return seconds + "s";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + "m" + (s == 0 ? "" : " " + s + "s");
        }
        long m = (seconds % 3600) / 60;
        return seconds / 3600 + "h" + (m == 0 ? "" : " " + m + "m");
    }
}
