package dev.switchboard.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy rule as written, in order; the policy engine gives it meaning.
 *
 * @param kind {@code allow}, {@code approve}, {@code restrict}, {@code confirm} or {@code limit}
 * @param commands the command id patterns the rule applies to ({@code deploy.*})
 * @param settings the rule's other keys ({@code to, when, by, count, ttl, announce, channels, verified, rate}) as
 *     written: lists of strings ({@code to, by, announce, channels}), strings ({@code when, rate}), an
 *     {@link Integer} for {@code count}, a {@link java.time.Duration} for {@code ttl} and a {@link Boolean} for
 *     {@code verified}
 * @param source where the rule was written ({@code demo.yaml:12:5})
 */
public record PolicyRule(String kind, List<String> commands, Map<String, Object> settings, String source) {
    public PolicyRule {
        Objects.requireNonNull(kind, "kind");
        commands = List.copyOf(commands);
        settings = Map.copyOf(settings);
    }
}
