package dev.switchboard.alerts.action;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to send PagerDuty Events API v2 events: the enqueue URL (the public one unless testing or
 * proxying), the integration's {@code routingKey} (a secret: never shown by {@link #toString()}), the timeout of one
 * request and the retry policy. Immutable.
 */
public record PagerDutyConfig(URI eventsUrl, String routingKey, Duration timeout, RetryPolicy retry) {
    public static final URI EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    public PagerDutyConfig {
        Objects.requireNonNull(eventsUrl, "eventsUrl");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        ServiceUrls.check("alerts.escalation.pagerduty.url", eventsUrl);
        if (routingKey.isBlank()) {
            throw new IllegalArgumentException(
                    "alerts.escalation.pagerduty.routing-key is empty: expected the integration key of a PagerDuty"
                            + " service (Events API v2), usually from ${env:...}");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("alerts.escalation.pagerduty.timeout must be positive, got " + timeout);
        }
    }

    /** The public endpoint, a 10 s timeout and the default retries. */
    public static PagerDutyConfig of(String routingKey) {
        return new PagerDutyConfig(EVENTS_URL, routingKey, Duration.ofSeconds(10), RetryPolicy.defaults());
    }

    @Override
    public String toString() {
        return "PagerDutyConfig[eventsUrl=" + eventsUrl + ", routingKey=***, timeout=" + timeout + ", retry=" + retry
                + "]";
    }
}
