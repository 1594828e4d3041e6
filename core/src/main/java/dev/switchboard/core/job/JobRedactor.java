package dev.switchboard.core.job;

import dev.switchboard.api.command.Invocation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Removes secrets from one job's text, output and summaries: the values of its secret arguments become {@code ***},
 * then the configured redactor (config secrets) runs. Immutable and thread-safe.
 */
final class JobRedactor implements UnaryOperator<String> {
    static final String MASK = "***";

    private final List<String> secretValues;
    private final UnaryOperator<String> configRedactor;

    private JobRedactor(List<String> secretValues, UnaryOperator<String> configRedactor) {
        this.secretValues = secretValues;
        this.configRedactor = configRedactor;
    }

    static JobRedactor of(Invocation invocation, UnaryOperator<String> configRedactor) {
        List<String> secrets = invocation.args().entrySet().stream()
                .filter(e -> invocation.command().arg(e.getKey()).secret())
                .map(java.util.Map.Entry::getValue)
                .filter(v -> v != null && !v.isEmpty())
                .distinct()
                // longest first, so a secret containing another is masked whole
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new JobRedactor(secrets, Objects.requireNonNull(configRedactor, "configRedactor"));
    }

    @Override
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String shown = text;
        for (String secret : secretValues) {
            shown = shown.replace(secret, MASK);
        }
        String redacted = configRedactor.apply(shown);
        return redacted == null ? "" : redacted;
    }
}
