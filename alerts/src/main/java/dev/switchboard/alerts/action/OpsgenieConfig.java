package dev.switchboard.alerts.action;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call the Opsgenie Alert API: its base URL ({@code https://api.opsgenie.com}, or
 * {@code https://api.eu.opsgenie.com} for EU accounts), the API integration's {@code apiKey} (a secret: never shown
 * by {@link #toString()}), the timeout of one request and the retry policy. Immutable.
 */
public record OpsgenieConfig(URI apiUrl, String apiKey, Duration timeout, RetryPolicy retry) {
    public static final URI API_URL = URI.create("https://api.opsgenie.com");
    public static final URI EU_API_URL = URI.create("https://api.eu.opsgenie.com");

    public OpsgenieConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        ServiceUrls.check("alerts.escalation.opsgenie.url", apiUrl);
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("alerts.escalation.opsgenie.api-key is empty: expected the key of an"
                    + " Opsgenie API integration, usually from ${env:...}");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("alerts.escalation.opsgenie.timeout must be positive, got " + timeout);
        }
    }

    /** The public (non-EU) endpoint, a 10 s timeout and the default retries. */
    public static OpsgenieConfig of(String apiKey) {
        return new OpsgenieConfig(API_URL, apiKey, Duration.ofSeconds(10), RetryPolicy.defaults());
    }

    @Override
    public String toString() {
        return "OpsgenieConfig[apiUrl=" + apiUrl + ", apiKey=***, timeout=" + timeout + ", retry=" + retry + "]";
    }
}
