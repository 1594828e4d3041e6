package dev.switchboard.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy rule as written, in order; the policy engine gives it meaning.
 *
 * @param kind {@code allow}, {@code approve}, {@code restrict}, {@code confirm} or {@code limit}
 * @param commands the command id patterns the rule applies to ({@code deploy.*})
 * @param settings the rule's other keys ({@code to, when, by, count, ttl, channels, rate}) as written: lists of
 *     strings, strings, and a whole number for {@code count}
 * @param source where the rule was written ({@code demo.yaml:12:5})
 */
public record PolicyRule(String kind, List<String> commands, Map<String, Object> settings, String source) {
    public PolicyRule {
        Objects.requireNonNull(kind, "kind");
        commands = List.copyOf(commands);
        settings = Map.copyOf(settings);
    }
}
