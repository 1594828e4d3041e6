package dev.switchboard.alerts.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a route stays quiet: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive), local time in
 * {@code zone}. A window whose {@code to} is not after {@code from} runs past midnight into the next day, and
 * belongs to the day it starts on ({@code FRIDAY 22:00-07:00} covers Friday night up to Saturday 07:00).
 *
 * <p>During quiet hours only groups with a firing alert of severity {@code critical} get <b>new posts</b> (first
 * posts and repeats); other groups wait, and post when the window ends if they still fire. Edits of messages
 * already posted go on (an edit notifies nobody), so a resolve is still shown. Immutable.
 */
public record QuietHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    public QuietHours {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("quiet hours need at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Every day of the week from {@code from} to {@code to} in {@code zone}. */
    public static QuietHours daily(LocalTime from, LocalTime to, ZoneId zone) {
        return new QuietHours(EnumSet.allOf(DayOfWeek.class), from, to, zone);
    }

    /** True if {@code now} falls in a quiet window. */
    public boolean covers(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        // Past midnight: the evening part belongs to today, the morning part to yesterday's window.
        return (days.contains(day) && !time.isBefore(from))
                || (days.contains(day.minus(1)) && time.isBefore(to));
    }
}
