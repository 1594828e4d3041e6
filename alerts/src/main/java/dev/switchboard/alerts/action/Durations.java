package dev.switchboard.alerts.action;

import java.time.Duration;

/** Durations as people write them in chat ({@code 2h}, {@code 1d 6h}, {@code 90s}). Stateless. */
public final class Durations {
    private Durations() {}

    /**
     * {@code duration} the way it is typed: {@code 1d 6h}, {@code 2h}, {@code 90s} → {@code 1m 30s}; under a second
     * in milliseconds ({@code 250ms}).
     */
    public static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(text.isEmpty() ? "" : " ").append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return text.toString();
    }
}
