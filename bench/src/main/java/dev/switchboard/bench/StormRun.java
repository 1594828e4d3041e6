package dev.switchboard.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What one storm showed: how fast the webhook accepted it, what the store holds afterwards, and what a person in the
 * routed room saw. Immutable.
 *
 * @param alerts alerts sent
 * @param acceptMillis from the first request sent to the last 2xx received
 * @param cpuMicrosPerAlert CPU time of the whole JVM (server and HTTP clients) while the storm was sent, per alert:
 *     less dependent on what else runs on the machine than the wall-clock rate
 * @param opened the sum of the {@code opened} counts the webhook answered
 * @param stored firing alerts counted through the store after the server stopped
 * @param posts new bot messages in the room
 * @param edits edits of bot messages in the room
 * @param chatMillis from the first post or edit seen to the last
 * @param maxInOneSecond the most posts plus edits seen within any one-second window
 * @param minGapMillis the shortest time between two consecutive posts or edits (-1 with fewer than two)
 * @param summaryMillis from the first request sent until the summary showed the expected title (-1: never)
 * @param expectedTitle the title the summary must end with
 * @param lastTitle the summary's title as last seen
 */
record StormRun(int alerts, double acceptMillis, double cpuMicrosPerAlert, long opened, int stored, int posts,
        int edits, double chatMillis, int maxInOneSecond, double minGapMillis, double summaryMillis, String expectedTitle, String lastTitle) {

    double acceptedPerSecond() {
        return alerts * 1000.0 / acceptMillis;
    }

    /** Posts and edits per second after the first, over the time the room was written to (0 with only one). */
    double actionsPerSecond() {
        return chatMillis <= 0 ? 0 : (posts + edits - 1) * 1000.0 / chatMillis;
    }

    boolean summaryExact() {
        return expectedTitle.equals(lastTitle);
    }

    /** Whether every check of the issue held: all stored, at most one post or edit a second, exact summary. */
    boolean passed() {
        return stored == alerts && opened == alerts && maxInOneSecond <= 1 && summaryExact();
    }

    /** The most actions whose arrival times (ns, ascending) fall in any window [t, t + 1 s). */
    static int maxInOneSecond(List<Long> nanos) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < nanos.size(); to++) {
            while (nanos.get(to) - nanos.get(from) >= 1_000_000_000L) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d alerts accepted in %.0f ms = %.0f alerts/s, %.0f µs CPU each | "
                        + "opened %d, stored %d | "
                        + "room: %d posts + %d edits in %.1f s (%.2f/s, at most %d in any 1 s, min gap %.0f ms) | "
                        + "summary exact after %.0f ms: %s | %s",
                alerts, acceptMillis, acceptedPerSecond(), cpuMicrosPerAlert, opened, stored, posts, edits, chatMillis / 1000,
                actionsPerSecond(), maxInOneSecond, minGapMillis, summaryMillis, summaryExact() ? "yes" : "NO",
                passed() ? "PASS" : "FAIL (summary: \"" + lastTitle + "\")");
    }

    /** The median of each figure on its own over {@code runs}. */
    static String medians(List<StormRun> runs) {
        return String.format(Locale.ROOT, "MEDIAN of %d | %.0f alerts/s accepted (%.0f ms for %d), %.0f µs CPU each | %.2f posts+edits/s,"
                        + " at most %.0f in any 1 s | summary exact after %.0f ms | passed %d of %d",
                runs.size(), median(runs, StormRun::acceptedPerSecond), median(runs, StormRun::acceptMillis),
                runs.getFirst().alerts(), median(runs, StormRun::cpuMicrosPerAlert),
                median(runs, StormRun::actionsPerSecond),
                median(runs, StormRun::maxInOneSecond), median(runs, StormRun::summaryMillis),
                runs.stream().filter(StormRun::passed).count(), runs.size());
    }

    private static double median(List<StormRun> runs, ToDoubleFunction<StormRun> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
