package dev.switchboard.core.job;

import dev.switchboard.api.job.LockStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets queued jobs wait for a named lock: a waiter asks the {@link LockStore} again every {@code poll} (a lock
 * released by another replica says nothing to this one) and at once when a job of this process releases a lock.
 * Thread-safe.
 */
final class LockWaiter {
    /** How a wait ended. */
    enum Wait { ACQUIRED, TIMED_OUT, STOPPED }

    private final LockStore locks;
    private final Clock clock;
    private final long pollNanos;
    private final ReentrantLock monitor = new ReentrantLock();
    private final Condition released = monitor.newCondition();
    private long releases;

    LockWaiter(LockStore locks, Clock clock, Duration poll) {
        this.locks = locks;
        this.clock = clock;
        this.pollNanos = poll.toNanos();
    }

    LockStore store() {
        return locks;
    }

    /**
     * Waits until {@code jobId} holds {@code name}, the deadline ({@link System#nanoTime()} based) passes, or
     * {@code stopped} turns true. Interrupting the thread ends the wait with {@link InterruptedException}.
     */
    Wait await(String name, long jobId, long deadlineNanos, BooleanSupplier stopped) throws InterruptedException {
        while (true) {
            if (stopped.getAsBoolean()) {
                return Wait.STOPPED;
            }
            long seen = releases();
            if (locks.tryAcquire(name, jobId, clock.instant())) {
                return Wait.ACQUIRED;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return Wait.TIMED_OUT;
            }
            monitor.lockInterruptibly();
            try {
                // a release between tryAcquire and here bumped the counter: try again without sleeping
                if (releases == seen) {
                    released.awaitNanos(Math.min(left, pollNanos));
                }
            } finally {
                monitor.unlock();
            }
        }
    }

    /** Releases {@code name} if {@code jobId} holds it and wakes this process's waiters. */
    void release(String name, long jobId) {
        try {
            locks.release(name, jobId);
        } finally {
            monitor.lock();
            try {
                releases++;
                released.signalAll();
            } finally {
                monitor.unlock();
            }
        }
    }

    private long releases() {
        monitor.lock();
        try {
            return releases;
        } finally {
            monitor.unlock();
        }
    }

    static long deadlineAfter(Duration wait) {
        return System.nanoTime() + Math.min(wait.toNanos(), TimeUnit.DAYS.toNanos(365));
    }
}
