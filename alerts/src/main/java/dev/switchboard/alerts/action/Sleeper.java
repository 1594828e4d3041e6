package dev.switchboard.alerts.action;

import java.time.Duration;

/** Waits between retries; injected so tests measure the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** The real one: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
