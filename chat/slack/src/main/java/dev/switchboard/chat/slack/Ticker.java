package dev.switchboard.chat.slack;

import java.time.Duration;

/**
 * Time as the outbound queue sees it: a monotonic nanosecond clock and a way to wait. Injected so tests can run a
 * minute of rate limiting in milliseconds. Implementations are thread-safe.
 */
interface Ticker {
    long nanoTime();

    /** Waits {@code duration}; interrupted when the adapter stops. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        }
    };
}
