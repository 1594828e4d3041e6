package dev.switchboard.core.job;

import dev.switchboard.api.job.LockStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LockStore} in memory, for tests and the test harness. Thread-safe; never throws. */
public final class InMemoryLockStore implements LockStore {
    private final Map<String, Long> holders = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String name, long jobId, Instant at) {
        return holders.computeIfAbsent(name, n -> jobId) == jobId;
    }

    @Override
    public void release(String name, long jobId) {
        holders.remove(name, jobId);
    }

    @Override
    public Optional<Long> holder(String name) {
        return Optional.ofNullable(holders.get(name));
    }
}
