package dev.switchboard.core.job;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.job.JobStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captured output of one job: redacts every line, keeps at most {@code cap} lines (then one truncation notice,
 * later lines are dropped), remembers the last lines for progress messages, digests what it captured, and appends
 * to the {@link JobStore} in batches rather than once per line. Thread-safe: an action may write from several
 * threads. A store failure keeps the lines in memory and retries on the next flush.
 */
final class OutputBuffer {
    private static final Logger log = LoggerFactory.getLogger(OutputBuffer.class);
    /** Lines gathered before the writing thread itself flushes; the streamer flushes smaller batches each tick. */
    static final int BATCH_LINES = 200;

    private final long jobId;
    private final String correlationId;
    private final JobStore store;
    private final UnaryOperator<String> redactor;
    private final int cap;
    private final int tailLines;
    private final Runnable onChange;
    private final ReentrantLock flushLock = new ReentrantLock();
    private final List<String> pending = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final MessageDigest digest = sha256();
    private int captured;
    private boolean truncated;
    private boolean storeFailing;

    OutputBuffer(long jobId, String correlationId, JobStore store, UnaryOperator<String> redactor, int cap,
                 int tailLines, Runnable onChange) {
        this.jobId = jobId;
        this.correlationId = correlationId;
        this.store = store;
        this.redactor = redactor;
        this.cap = cap;
        this.tailLines = tailLines;
        this.onChange = onChange;
    }

    /** Captures one line (or several, if it contains line breaks); flushes when a batch is full. */
    void output(String raw) {
        boolean batchFull = false;
        boolean changed = false;
        String text = raw == null ? "" : raw.replaceFirst("\r?\n$", "");
        for (String line : text.split("\r?\n", -1)) {
            synchronized (this) {
                if (captured < cap) {
                    keep(redactor.apply(line));
                    changed = true;
                } else if (!truncated) {
                    truncated = true;
                    keep("[output truncated: more than " + cap + " lines]");
                    changed = true;
                }
                batchFull |= pending.size() >= BATCH_LINES;
            }
        }
        if (changed) {
            onChange.run();
        }
        if (batchFull) {
            flush();
        }
    }

    private void keep(String line) {
        captured++;
        pending.add(line);
        tail.addLast(line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    /**
     * Appends what is pending to the store, in order. Returns false if the store failed; the lines stay pending.
     */
    boolean flush() {
        flushLock.lock();
        try {
            List<String> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return !storeFailing;
                }
                batch = List.copyOf(pending);
                pending.clear();
            }
            try {
                store.appendOutput(jobId, batch);
                synchronized (this) {
                    storeFailing = false;
                }
                return true;
            } catch (StorageException e) {
                synchronized (this) {
                    pending.addAll(0, batch);
                    if (!storeFailing) {
                        log.warn("could not store output of job {}; keeping {} lines in memory [{}]", jobId,
                                pending.size(), correlationId, e);
                    }
                    storeFailing = true;
                }
                return false;
            }
        } finally {
            flushLock.unlock();
        }
    }

    /** The last lines captured, oldest first. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    synchronized int lines() {
        return captured;
    }

    /** SHA-256 (lower-case hex) of every captured line, each followed by a line feed. */
    synchronized String digestHex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
