package dev.switchboard.chat.slack;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time that passes only when someone sleeps: a minute of pacing runs in milliseconds. Thread-safe. */
final class VirtualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isPositive()) {
            nanos.addAndGet(duration.toNanos());
        }
    }
}
