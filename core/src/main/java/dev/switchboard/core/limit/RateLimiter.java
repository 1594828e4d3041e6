package dev.switchboard.core.limit;

import dev.switchboard.api.policy.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts runs per user and rule over a sliding window. Memory is bounded by users × rules × the rule's count.
 * In memory and per replica: with several replicas a user may get up to that many times the limit (documented in
 * docs/security.md). Thread-safe.
 */
public final class RateLimiter {
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    /** What a request may do under a limit. */
    public sealed interface Verdict {
        /** Counted; it may run. */
        record Allowed() implements Verdict {}

        /** Over the limit; {@code retryAfter} from now the oldest run leaves the window. */
        record Limited(Duration retryAfter, Instant at) implements Verdict {}
    }

    /** Counts one run of {@code user} under {@code limit} at {@code now}, unless that would exceed it. */
    public Verdict acquire(String user, RateLimit limit, Instant now) {
        Deque<Instant> window = windows.computeIfAbsent(limit.key() + "\u0000" + user, k -> new ArrayDeque<>());
        synchronized (window) {
            Instant start = now.minus(limit.per());
            while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
                window.pollFirst();
            }
            while (window.size() > limit.count()) {
                // The limit was lowered by a reload: keep only the newest runs that still matter.
                window.pollFirst();
            }
            if (window.size() < limit.count()) {
                window.addLast(now);
                return new Verdict.Allowed();
            }
            Instant free = window.peekFirst().plus(limit.per());
            return new Verdict.Limited(Duration.between(now, free), free);
        }
    }


    /** A readable wait: {@code 3m 20s}, {@code 45s}, {@code 1h 5m}. */
    public static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
    }
}
