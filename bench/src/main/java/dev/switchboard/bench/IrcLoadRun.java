package dev.switchboard.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The commands of one measured run and their answers, matched by a token unique to the run and the command
 * ({@code r<run>x<index>}, the text {@code echo} sends back). Holds at most {@code capacity} commands. In a channel
 * every member sees every answer: the first sighting counts. A reply with another run's token (a late answer) or no
 * token is counted as {@link #unmatched()}. Thread-safe: commands are
 * registered by the sending threads, replies arrive on the users' reader threads.
 */
final class IrcLoadRun {
    private final String prefix;
    private final int capacity;
    private final AtomicLongArray sentAt;
    private final AtomicLongArray answeredAt;
    private final AtomicIntegerArray owner;
    private final Semaphore[] perUser;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unmatched = new AtomicInteger();

    IrcLoadRun(int run, int capacity, int users) {
        this.prefix = "r" + run + "x";
        this.capacity = capacity;
        this.sentAt = new AtomicLongArray(capacity);
        this.answeredAt = new AtomicLongArray(capacity);
        this.owner = new AtomicIntegerArray(capacity);
        this.perUser = new Semaphore[users];
        for (int u = 0; u < users; u++) {
            perUser[u] = new Semaphore(0);
        }
    }

    /** The next command's index, or -1 when the run is full. */
    int next() {
        int i = next.getAndIncrement();
        return i < capacity ? i : -1;
    }

    /** Records that command {@code i} of {@code user} counts from {@code nanos}; returns its token. */
    String sent(int i, int user, long nanos) {
        owner.set(i, user);
        sentAt.set(i, nanos);
        return prefix + i;
    }

    /** A line from the bot; answers its command if it carries one of this run's tokens and was not answered yet. */
    void reply(String text, long nanos) {
        if (!text.startsWith(prefix)) {
            unmatched.incrementAndGet();
            return;
        }
        int i;
        try {
            i = Integer.parseInt(text, prefix.length(), text.length(), 10);
        } catch (NumberFormatException e) {
            unmatched.incrementAndGet();
            return;
        }
        if (i < 0 || i >= capacity) {
            unmatched.incrementAndGet();
        } else if (answeredAt.compareAndSet(i, 0, nanos)) {
            answered.incrementAndGet();
            perUser[owner.get(i)].release();
        }
        // else: another channel member already saw this answer
    }

    /** Waits for the next answer to one of {@code user}'s commands; false after {@code timeout}. */
    boolean awaitAnswer(int user, Duration timeout) throws InterruptedException {
        return perUser[user].tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Commands registered so far (at most the capacity). */
    int sent() {
        return Math.min(next.get(), capacity);
    }

    int answered() {
        return answered.get();
    }

    int unmatched() {
        return unmatched.get();
    }

    /** Answer time minus counted-from time of every answered command, nanoseconds; {@code [0]} holds the count. */
    long[] latencies() {
        int n = sent();
        long[] out = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            long answer = answeredAt.get(i);
            if (answer != 0) {
                out[k++] = answer - sentAt.get(i);
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** Answers received in {@code [from, to)}, for throughput over a window. */
    int answeredBetween(long from, long to) {
        int n = sent();
        int count = 0;
        for (int i = 0; i < n; i++) {
            long answer = answeredAt.get(i);
            if (answer >= from && answer < to) {
                count++;
            }
        }
        return count;
    }

    /** The latest answer time, or 0 when nothing was answered. */
    long lastAnswer() {
        long last = 0;
        for (int i = 0, n = sent(); i < n; i++) {
            last = Math.max(last, answeredAt.get(i));
        }
        return last;
    }
}
