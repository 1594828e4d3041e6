package dev.switchboard.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** The {@code --since} of {@code audit export}: a span back from now ({@code 24h}) or a moment (ISO-8601, UTC). */
sealed interface Since {
    /** Events at or after {@code now - span}. */
    record Ago(Duration span) implements Since {}

    /** Events at or after {@code moment}. */
    record At(Instant moment) implements Since {}

    Pattern SPAN = Pattern.compile("(\\d{1,9})([smhd])");

    /** The earliest event time to keep. */
    default Instant from(Clock clock) {
        return switch (this) {
            case Ago ago -> clock.instant().minus(ago.span());
            case At at -> at.moment();
        };
    }

    /** Reads {@code 30m}, {@code 24h}, {@code 7d} or {@code 2026-11-01T00:00:00Z}; picocli reports the message. */
    final class Converter implements CommandLine.ITypeConverter<Since> {
        @Override
        public Since convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            Matcher span = SPAN.matcher(text);
            if (span.matches()) {
                long n = Long.parseLong(span.group(1));
                return new Ago(switch (span.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            try {
                return new At(Instant.parse(value.trim()));
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("expected a span back from now like 30m, 24h or 7d, "
                        + "or a UTC time like 2026-11-01T00:00:00Z, but got '" + value + "'");
            }
        }
    }
}
