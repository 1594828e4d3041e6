package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/** What loading the configuration produced: a whole valid config, or every problem found (never empty). */
public sealed interface LoadResult {

    record Loaded(SwitchboardConfig config) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(config, "config");
        }
    }

    record Rejected(List<ConfigError> errors) implements LoadResult {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejected config has at least one error");
            }
        }
    }
}
