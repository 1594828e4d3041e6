package dev.switchboard.alerts.routing;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One alert route: alerts whose labels satisfy every matcher go to each conversation of {@code to}, grouped by
 * {@code groupBy}. Immutable; validated at construction, errors name the route and what was expected.
 *
 * <p>Timing, per group, as in Alertmanager: a new group's first post waits {@code groupWait} (so alerts that fire
 * together arrive together); its message is edited at most once per {@code groupInterval}; while it still fires it
 * is posted again as a new message every {@code repeatInterval}. {@code quietHours} (null: never quiet) hold back
 * new posts of non-critical groups. {@code continueMatching} false (the default) means the first matching route
 * takes the alert; true lets later routes take it too.
 *
 * <p>Matchers see the alert's labels plus {@code alertname} and {@code severity} from the normalised alert when
 * the labels lack them (generic webhooks may map the name without a label).
 */
public record Route(String name, List<LabelMatcher> matchers, List<ConversationRef> to, GroupBy groupBy,
        Duration groupWait, Duration groupInterval, Duration repeatInterval, QuietHours quietHours,
        boolean continueMatching) {
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Route {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route name '" + name + "' should be 1 to 64 letters, digits, '.', '_'"
                    + " or '-'");
        }
        matchers = List.copyOf(matchers);
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " sends to no conversation; expected at least one"
                    + " in 'to', like slack:#alerts");
        }
        if (to.stream().distinct().count() != to.size()) {
            throw new IllegalArgumentException("route " + name + " lists a conversation twice in 'to'");
        }
        Objects.requireNonNull(groupBy, "groupBy");
        requireNotNegative(name, "groupWait", groupWait);
        requirePositive(name, "groupInterval", groupInterval);
        requirePositive(name, "repeatInterval", repeatInterval);
    }

    /** A route with Alertmanager's default timing, no quiet hours, that stops at the first match. */
    public static Route of(String name, List<LabelMatcher> matchers, List<ConversationRef> to, GroupBy groupBy) {
        return new Route(name, matchers, to, groupBy, DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL,
                DEFAULT_REPEAT_INTERVAL, null, false);
    }

    public Route withTiming(Duration wait, Duration interval, Duration repeat) {
        return new Route(name, matchers, to, groupBy, wait, interval, repeat, quietHours, continueMatching);
    }

    public Route withQuietHours(QuietHours quiet) {
        return new Route(name, matchers, to, groupBy, groupWait, groupInterval, repeatInterval, quiet,
                continueMatching);
    }

    public Route withContinue(boolean proceed) {
        return new Route(name, matchers, to, groupBy, groupWait, groupInterval, repeatInterval, quietHours, proceed);
    }

    /** True if every matcher holds for {@code alert} (a route without matchers takes every alert). */
    public boolean matches(Alert alert) {
        Map<String, String> labels = matchable(alert);
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** The labels matchers and grouping see: the alert's, plus its name and severity when not labelled. */
    static Map<String, String> matchable(Alert alert) {
        if (alert.labels().containsKey("alertname")
                && (alert.severity() == null || alert.labels().containsKey("severity"))) {
            return alert.labels();
        }
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.putIfAbsent("alertname", alert.name());
        if (alert.severity() != null) {
            labels.putIfAbsent("severity", alert.severity());
        }
        return labels;
    }

    private static void requirePositive(String route, String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("route " + route + " has " + what + " " + value
                    + "; expected a positive duration");
        }
    }

    private static void requireNotNegative(String route, String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException("route " + route + " has " + what + " " + value
                    + "; expected zero or more");
        }
    }
}
