package dev.switchboard.alerts.desk;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people type them in chat ({@code 2h}, {@code 30m}, {@code 1d}, {@code 1h30m}, {@code 90s});
 * {@link dev.switchboard.alerts.action.Durations} shows them back. Stateless.
 */
final class ChatDuration {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,5}[dhms])+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,5})([dhms])");

    private ChatDuration() {}

    /** The duration {@code text} spells, if it is one and longer than zero. */
    static Optional<Duration> parse(String text) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(input).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(input);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }
}
