package dev.switchboard.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a route's {@code quietHours: { from: "22:00", to: "07:00", zone: Europe/Berlin, days: [mon, tue] }}:
 * times as {@code HH:MM} (24 h), an IANA time zone, and optionally the days the window starts on (three-letter
 * names, full names, or a range like {@code mon-fri}; every day when left out). Each problem names the field and
 * the expected form.
 */
final class QuietHoursReader {
    private static final List<String> KEYS = List.of("from", "to", "zone", "days");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private QuietHoursReader() {}

    static Optional<AlertRouteConfig.QuietHours> read(Cursor c) {
        Optional<Fields> fields = c.fields(KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<LocalTime> from = f.required("from", "when quiet hours start, like \"22:00\"")
                .flatMap(QuietHoursReader::time);
        Optional<LocalTime> to = f.required("to", "when quiet hours end, like \"07:00\"")
                .flatMap(QuietHoursReader::time);
        Optional<ZoneId> zone = f.required("zone", "the time zone the times are in, like Europe/Berlin or UTC")
                .flatMap(QuietHoursReader::zone);
        Optional<Set<DayOfWeek>> days = f.get("days").map(QuietHoursReader::days)
                .orElse(Optional.of(EnumSet.allOf(DayOfWeek.class)));
        if (from.isEmpty() || to.isEmpty() || zone.isEmpty() || days.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AlertRouteConfig.QuietHours(from.get(), to.get(), zone.get(), days.get()));
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(Cursor c) {
        if (c.node() instanceof YamlNode.Scalar s && s.value() instanceof String text
                && text.strip().matches("[0-9]{1,2}:[0-9]{2}")) {
            try {
                String padded = text.strip().length() == 4 ? "0" + text.strip() : text.strip();
                return Optional.of(LocalTime.parse(padded));
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        c.error("expected a time of day as \"HH:MM\" (24 h, in quotes), like \"22:00\", got " + c.shown());
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(Cursor c) {
        return c.nonBlank().flatMap(text -> {
            try {
                return Optional.of(ZoneId.of(text.strip()));
            } catch (DateTimeException e) {
                c.error("unknown time zone " + c.shown() + "; expected an IANA zone like Europe/Berlin,"
                        + " America/New_York or UTC");
                return Optional.empty();
            }
        });
    }

    private static Optional<Set<DayOfWeek>> days(Cursor c) {
        Optional<List<Cursor>> items = c.items("a list of days, like [mon, tue, wed, thu, fri] or [mon-fri]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (Cursor item : items.get()) {
            Optional<String> text = item.string();
            if (text.isEmpty()) {
                ok = false;
                continue;
            }
            String[] ends = text.get().strip().toLowerCase(Locale.ROOT).split("-", 2);
            Optional<DayOfWeek> first = day(item, ends[0]);
            Optional<DayOfWeek> last = ends.length == 2 ? day(item, ends[1]) : first;
            if (first.isEmpty() || last.isEmpty()) {
                ok = false;
                continue;
            }
            // A range may wrap over the week's end (fri-mon).
            for (DayOfWeek d = first.get(); ; d = d.plus(1)) {
                days.add(d);
                if (d == last.get()) {
                    break;
                }
            }
        }
        if (ok && days.isEmpty()) {
            c.error("expected at least one day, like [mon-fri]; leave days out for every day");
            return Optional.empty();
        }
        return ok ? Optional.of(days) : Optional.empty();
    }

    private static Optional<DayOfWeek> day(Cursor item, String word) {
        String name = word.strip();
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(full) || name.equals(full.substring(0, 3))) {
                return Optional.of(day);
            }
        }
        item.error("unknown day '" + name + "'; expected one of " + String.join(", ", DAYS)
                + " (or a range like mon-fri)" + Spelling.hint(name, DAYS));
        return Optional.empty();
    }
}
