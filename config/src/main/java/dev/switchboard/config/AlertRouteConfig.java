package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One alert route as written ({@code alerts.routes[]}, or {@code alerts.defaultRoute} named
 * {@link AlertsConfig#DEFAULT_ROUTE}): alerts whose labels satisfy every matcher go to each conversation of
 * {@code to}, grouped by the {@code groupBy} labels ({@code ["..."]}: every label). Timing as in Alertmanager
 * ({@code groupWait}, {@code groupInterval}, {@code repeatInterval}); {@code quietHours} (null: never quiet) hold
 * back new posts of non-critical groups; {@code continueMatching} lets later routes take the alert too. Immutable;
 * checked at construction with messages naming the route and what was expected.
 */
public record AlertRouteConfig(String name, List<Matcher> matchers, List<ConversationRef> to, List<String> groupBy,
        Duration groupWait, Duration groupInterval, Duration repeatInterval, QuietHours quietHours,
        boolean continueMatching) {
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    /** Grouping when none is written: one group per alert name. */
    public static final List<String> DEFAULT_GROUP_BY = List.of("alertname");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public AlertRouteConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route name '" + name + "' should be 1 to 64 letters, digits, '.', '_'"
                    + " or '-'");
        }
        matchers = List.copyOf(matchers);
        to = List.copyOf(to);
        groupBy = List.copyOf(groupBy);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " sends to no conversation; expected at least one"
                    + " in 'to', like slack:#alerts");
        }
        if (to.stream().distinct().count() != to.size()) {
            throw new IllegalArgumentException("route " + name + " lists a conversation twice in 'to'");
        }
        requireAtLeast(name, "groupWait", groupWait, false);
        requireAtLeast(name, "groupInterval", groupInterval, true);
        requireAtLeast(name, "repeatInterval", repeatInterval, true);
    }

    private static void requireAtLeast(String route, String what, Duration value, boolean positive) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || positive && value.isZero()) {
            throw new IllegalArgumentException("route " + route + " has " + what + " " + value
                    + (positive ? "; expected a positive duration" : "; expected zero or more"));
        }
    }

    /**
     * One label condition with Alertmanager's operators {@code =}, {@code !=}, {@code =~} and {@code !~}; regular
     * expressions are checked here (they match the whole value when routing).
     */
    public record Matcher(String label, String op, String value) {
        /** The operators, as written. */
        public static final List<String> OPERATORS = List.of("=", "!=", "=~", "!~");
        private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Matcher {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (!LABEL_NAME.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + label + "' is not a label name; expected letters, digits"
                        + " and _, not starting with a digit");
            }
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("'" + op + "' is not a matcher operator; expected one of "
                        + String.join(" ", OPERATORS));
            }
            if (op.endsWith("~")) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("the regular expression for label " + label + " is not valid: "
                            + e.getDescription() + " near index " + e.getIndex() + " of '" + value + "'", e);
                }
            }
        }

        /** {@code match: { label: value }}. */
        public static Matcher equal(String label, String value) {
            return new Matcher(label, "=", value);
        }

        /**
         * Parses {@code name op value}, like {@code severity=critical} or {@code alertname=~"Kube.*"}; the value may
         * be in double quotes (inside them, {@code \"} is a quote).
         *
         * @throws IllegalArgumentException naming what was wrong and what was expected
         */
        public static Matcher parse(String text) {
            String trimmed = text.strip();
            int at = 0;
            while (at < trimmed.length() && (Character.isLetterOrDigit(trimmed.charAt(at))
                    || trimmed.charAt(at) == '_')) {
                at++;
            }
            String label = trimmed.substring(0, at);
            String rest = trimmed.substring(at).stripLeading();
            String op = null;
            for (String candidate : new String[] {"=~", "!~", "!=", "="}) {
                if (rest.startsWith(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (label.isEmpty() || op == null) {
                throw new IllegalArgumentException("'" + text + "' is not a label matcher; expected name=value,"
                        + " name!=value, name=~regex or name!~regex");
            }
            String value = rest.substring(op.length()).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
            }
            return new Matcher(label, op, value);
        }

        @Override
        public String toString() {
            return label + op + "\"" + value.replace("\"", "\\\"") + "\"";
        }
    }

    /**
     * {@code quietHours: { from: "22:00", to: "07:00", zone: Europe/Berlin, days: [mon, tue, ...] }}: local time in
     * {@code zone}, from {@code from} (inclusive) to {@code to} (exclusive) on {@code days} (every day when not
     * written); a window whose {@code to} is not after {@code from} runs past midnight and belongs to the day it
     * starts on.
     */
    public record QuietHours(LocalTime from, LocalTime to, ZoneId zone, Set<DayOfWeek> days) {
        public QuietHours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("quiet hours need at least one day");
            }
            if (from.equals(to)) {
                throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " would be quiet all"
                        + " day; expected different times, like from: \"22:00\", to: \"07:00\"");
            }
            days = java.util.Collections.unmodifiableSet(EnumSet.copyOf(days));
        }
    }
}
