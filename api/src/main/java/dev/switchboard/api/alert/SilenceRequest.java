package dev.switchboard.api.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a person asked to silence: alerts matching every one of {@code matchers}, for {@code duration} from now,
 * asked by Switchboard user {@code createdBy} because of {@code reason} (may be blank). Immutable.
 */
public record SilenceRequest(List<SilenceMatcher> matchers, Duration duration, String createdBy, String reason) {

    public SilenceRequest {
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(createdBy, "createdBy");
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a silence must last longer than zero, got " + duration);
        }
        if (createdBy.isBlank()) {
            throw new IllegalArgumentException("a silence needs the id of the user who asked for it");
        }
        reason = reason == null ? "" : reason.strip();
    }

    /**
     * Silences exactly this label set: one {@code name="value"} matcher per label, sorted by name. Use it with an
     * alert's labels (that one alert) or a group's common labels (the whole group).
     */
    public static SilenceRequest forLabels(Map<String, String> labels, Duration duration, String createdBy,
            String reason) {
        List<SilenceMatcher> matchers = new TreeMap<>(labels).entrySet().stream()
                .map(label -> SilenceMatcher.equal(label.getKey(), label.getValue()))
                .toList();
        return new SilenceRequest(matchers, duration, createdBy, reason);
    }

    /** Silences {@code alert} and every later notification of the same label set. */
    public static SilenceRequest forAlert(Alert alert, Duration duration, String createdBy, String reason) {
        return forLabels(alert.labels(), duration, createdBy, reason);
    }
}
