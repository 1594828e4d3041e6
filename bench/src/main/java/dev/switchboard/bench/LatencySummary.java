package dev.switchboard.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of recorded latencies, by sorting them (nearest-rank: the p-th percentile is the smallest value with
 * at least p of the samples at or below it). Values are nanoseconds; {@link #toString()} shows microseconds.
 */
public record LatencySummary(int count, long p50, long p90, long p99, long p999, long max) {

    /** Summarises the first {@code count} values of {@code nanos} (the array itself is not changed). */
    public static LatencySummary of(long[] nanos, int count) {
        if (count <= 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new LatencySummary(count, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                rank(sorted, 0.999),
                sorted[count - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50=%.0f us p90=%.0f us p99=%.0f us p99.9=%.0f us max=%.0f us",
                count, p50 / 1e3, p90 / 1e3, p99 / 1e3, p999 / 1e3, max / 1e3);
    }
}
