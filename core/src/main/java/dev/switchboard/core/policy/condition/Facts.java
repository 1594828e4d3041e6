package dev.switchboard.core.policy.condition;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a condition reads, by name: an invocation's arguments ({@code env}, {@code service}, ...) and the
 * context names in {@link #CONTEXT_NAMES}. A name with no value (an optional argument left out) is empty, never
 * null. Implementations used from several threads must be thread-safe; {@link #of} is.
 */
@FunctionalInterface
public interface Facts {
    /**
     * Names that come from the invocation's context, not its arguments: the user who asked, the channel
     * ({@code slack:#deploys}), the platform ({@code slack}) and the command's name. A command's arguments should not
     * use them, so that {@code channel == 'slack:#deploys'} means the same in every rule.
     */
    Set<String> CONTEXT_NAMES = Set.of("user", "channel", "platform", "command");

    /** The value of {@code name}, or empty when it has none. */
    Optional<String> value(String name);

    /** Facts from a fixed map (copied; no null keys or values). */
    static Facts of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
