package dev.switchboard.core.job;

import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams job progress into chat messages. Every {@code interval} it looks at each attached job and, if the job
 * changed, edits its message with the latest state only (coalescing everything in between); one message is never
 * edited more often than once per interval. The final state is always sent. A failed edit is logged and retried on
 * a later tick. On platforms without edits it posts the final result, plus a short progress line at most every
 * {@link #NO_EDIT_PROGRESS_EVERY}. Sends run on virtual threads, so a slow platform does not hold up other jobs.
 */
final class ProgressStreamer {
    private static final Logger log = LoggerFactory.getLogger(ProgressStreamer.class);
    static final Duration NO_EDIT_PROGRESS_EVERY = Duration.ofSeconds(10);
    /** How often the final state is tried before giving up on a message that cannot be edited. */
    private static final int FINAL_ATTEMPTS = 5;

    /** A job whose progress can be shown. Thread-safe. */
    interface Source {
        long jobId();

        String label();

        String correlationId();

        /** Grows whenever what {@link #currentReply} shows changes. */
        long version();

        boolean finished();

        int lines();

        Reply currentReply();
    }

    /** A job that had already finished (and left memory) when its message was attached. */
    record Finished(long jobId, String label, String correlationId, Reply currentReply) implements Source {
        public long version() {
            return 1;
        }

        public boolean finished() {
            return true;
        }

        public int lines() {
            return 0;
        }
    }

    private final ChatGateway gateway;
    private final long intervalNanos;
    private final LongConsumer onFinalDelivered;
    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();

    ProgressStreamer(ChatGateway gateway, Duration interval, LongConsumer onFinalDelivered) {
        this.gateway = gateway;
        this.intervalNanos = interval.toNanos();
        this.onFinalDelivered = onFinalDelivered;
    }

    void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    void attach(Source source, MessageRef message) {
        boolean edits;
        try {
            edits = gateway.capabilities(message.conversation().platform()).edits();
        } catch (RuntimeException e) {
            log.warn("no capabilities for {}; posting job {} results instead of editing [{}]",
                    message.conversation().platform(), source.jobId(), source.correlationId(), e);
            edits = false;
        }
        streams.put(source.jobId(), new Stream(source, message, edits));
    }

    boolean streaming(long jobId) {
        return streams.containsKey(jobId);
    }

    void tick() {
        for (Stream stream : streams.values()) {
            try {
                stream.step();
            } catch (RuntimeException e) {
                log.error("progress of job {} could not be prepared [{}]", stream.source.jobId(),
                        stream.source.correlationId(), e);
            }
        }
    }

    /** One message showing one job. */
    private final class Stream {
        private final Source source;
        private final MessageRef message;
        private final boolean edits;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private volatile long sentVersion = -1;
        private volatile long lastSendNanos;
        private volatile int lastLines;
        private volatile int failures;

        Stream(Source source, MessageRef message, boolean edits) {
            this.source = source;
            this.message = message;
            this.edits = edits;
            // the ack was just posted: count it as the last send on platforms that only get posts
            this.lastSendNanos = System.nanoTime() - (edits ? intervalNanos : 0);
        }

        void step() {
            if (!inFlight.compareAndSet(false, true)) {
                return;
            }
            long version = source.version();
            boolean finished = source.finished();
            long now = System.nanoTime();
            Runnable send = null;
            if (edits && version != sentVersion && now - lastSendNanos >= intervalNanos) {
                Reply reply = source.currentReply();
                send = () -> gateway.edit(message, reply);
            } else if (!edits && finished) {
                Reply reply = source.currentReply();
                send = () -> gateway.say(message.conversation(), reply);
            } else if (!edits && source.lines() != lastLines
                    && now - lastSendNanos >= NO_EDIT_PROGRESS_EVERY.toNanos()) {
                int lines = source.lines();
                lastLines = lines;
                send = () -> gateway.say(message.conversation(), Reply.text("⏳ job " + source.jobId() + " ("
                        + source.label() + ") is still running: " + lines + " lines of output so far"));
            }
            if (send == null) {
                inFlight.set(false);
                return;
            }
            Runnable chosen = send;
            Thread.ofVirtual().name("job-" + source.jobId() + "-progress").start(() -> deliver(chosen, version,
                    finished));
        }

        private void deliver(Runnable send, long version, boolean finished) {
            try {
                send.run();
                sentVersion = version;
                failures = 0;
                if (finished) {
                    streams.remove(source.jobId(), this);
                    onFinalDelivered.accept(source.jobId());
                }
            } catch (RuntimeException e) {
                failures++;
                log.warn("could not show progress of job {} in {} (attempt {}); retrying next tick [{}]",
                        source.jobId(), message.conversation(), failures, source.correlationId(), e);
                if (finished && failures >= FINAL_ATTEMPTS) {
                    log.error("giving up showing the result of job {} in {} [{}]", source.jobId(),
                            message.conversation(), source.correlationId());
                    streams.remove(source.jobId(), this);
                    onFinalDelivered.accept(source.jobId());
                }
            } finally {
                // counted from the end of the send, so the next one starts a full interval after this one ended
                lastSendNanos = System.nanoTime();
                inFlight.set(false);
            }
        }
    }
}
