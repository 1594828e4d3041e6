package dev.switchboard.testkit;

import dev.switchboard.api.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Ids 000001, 000002, ... (six hex digits), so refs in transcripts are predictable. Thread-safe. */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public String next() {
        return String.format("%06x", next.getAndIncrement());
    }
}
