package dev.switchboard.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it, in UTC. Thread-safe. */
public final class TestClock extends Clock {
    /** Where every test clock starts unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-05T10:00:00Z");

    private final AtomicReference<Instant> now;

    public TestClock() {
        this(DEFAULT_START);
    }

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward (or back, for a negative duration) and returns the new time. */
    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant time) {
        now.set(Objects.requireNonNull(time, "time"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestClock is always UTC");
    }
}
