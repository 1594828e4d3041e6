package dev.switchboard.alerts.webhook;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * RFC 3339 times as webhooks write them ({@code 2026-11-26T15:31:32.123Z}, {@code …+02:00}), parsed by hand in the
 * shapes Alertmanager and Grafana send and by {@link OffsetDateTime#parse} otherwise, with the same results and
 * errors: in an alert storm {@code DateTimeFormatter} took a sixth of the webhook's parsing time. Stateless.
 */
final class Rfc3339 {
    private Rfc3339() {}

    /**
     * The time in {@code text} (case-insensitive); throws {@link java.time.format.DateTimeParseException} as
     * {@link OffsetDateTime#parse} does.
     */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null for any other shape or a value out of range. */
    private static OffsetDateTime fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || i >= n) {
            return null;
        }
        ZoneOffset offset;
        char sign = s.charAt(i);
        try {
            if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
                offset = ZoneOffset.UTC;
            } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int hours = digits(s, i + 1, 2);
                int minutes = digits(s, i + 4, 2);
                if (hours < 0 || minutes < 0) {
                    return null;
                }
                offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                        : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } else {
                return null;
            }
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset);
        } catch (DateTimeException e) {
            return null; // out of range: let OffsetDateTime.parse say so in its own words
        }
    }

    /** The {@code count} ASCII digits at {@code from} as a number, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
