package dev.switchboard.api.command;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of a command argument. {@link #check} turns the raw token the user typed into its canonical text, or
 * says what was expected; it never throws.
 */
public sealed interface ArgType {

    /** Returns the canonical value, or a {@link Check.Rejected} naming what was expected. */
    Check check(String raw);

    /** What a valid value looks like, for usage and error messages ("one of web, billing"). */
    String expected();

    /** The outcome of checking one value. */
    sealed interface Check {
        record Accepted(String value) implements Check {}

        record Rejected(String expected) implements Check {}
    }

    /** Any single token or quoted string, without control characters, at most {@code maxLength} characters. */
    record Text(int maxLength) implements ArgType {
        public Check check(String raw) {
            if (raw.length() > maxLength || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return new Check.Rejected(expected());
            }
            return new Check.Accepted(raw);
        }

        public String expected() {
            return "text of at most " + maxLength + " characters without control characters";
        }
    }

    /** A whole number within bounds. */
    record Int(long min, long max) implements ArgType {
        public Check check(String raw) {
            try {
                long value = Long.parseLong(raw.strip());
                return value < min || value > max ? new Check.Rejected(expected()) : new Check.Accepted(Long.toString(value));
            } catch (NumberFormatException e) {
                return new Check.Rejected(expected());
            }
        }

        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /** A duration such as {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}; canonical form is ISO-8601. */
    record DurationType() implements ArgType {
        private static final Pattern FORM = Pattern.compile("(\\d{1,6})(ms|s|m|h|d)");

        public Check check(String raw) {
            var m = FORM.matcher(raw.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return new Check.Rejected(expected());
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Check.Accepted(d.toString());
        }

        public String expected() {
            return "a duration like 30s, 15m, 2h or 1d";
        }
    }

    /** {@code true}/{@code false} (also yes/no, on/off); canonical form is {@code true} or {@code false}. */
    record Bool() implements ArgType {
        public Check check(String raw) {
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> new Check.Accepted("true");
                case "false", "no", "off" -> new Check.Accepted("false");
                default -> new Check.Rejected(expected());
            };
        }

        public String expected() {
            return "true or false";
        }
    }

    /** One of a fixed list, matched case-insensitively; canonical form is the declared spelling. */
    record Enum(List<String> values) implements ArgType {
        public Enum {
            values = List.copyOf(values);
        }

        public Check check(String raw) {
            for (String v : values) {
                if (v.equalsIgnoreCase(raw.strip())) {
                    return new Check.Accepted(v);
                }
            }
            return new Check.Rejected(expected());
        }

        public String expected() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A value that matches a regular expression in full. */
    record PatternType(Pattern regex) implements ArgType {
        public Check check(String raw) {
            return regex.matcher(raw).matches() ? new Check.Accepted(raw) : new Check.Rejected(expected());
        }

        public String expected() {
            return "a value matching " + regex.pattern();
        }
    }
}
