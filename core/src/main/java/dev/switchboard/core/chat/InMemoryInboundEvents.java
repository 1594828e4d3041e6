package dev.switchboard.core.chat;

import dev.switchboard.api.chat.InboundEvents;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link InboundEvents} in memory, for tests and single-process setups without a database: survives nothing, so it
 * only de-duplicates within one process. Thread-safe; memory grows until {@link #forgetBefore} prunes it.
 */
public final class InMemoryInboundEvents implements InboundEvents {
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String platform, String eventId, Instant at) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        return seen.putIfAbsent(platform + '\u0000' + eventId, at) == null;
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int before = seen.size();
        seen.values().removeIf(at -> at.isBefore(cutoff));
        return Math.max(0, before - seen.size());
    }
}
