package dev.switchboard.alerts.action;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Which Alertmanager to silence on and how: its base URL (the one its UI is served at, without credentials),
 * authentication, the timeout of one request and the longest silence a chat user may create. Immutable; its
 * {@code toString} hides the secret.
 */
public record AlertmanagerConfig(URI baseUrl, AlertmanagerAuth auth, Duration timeout, Duration maxDuration) {

    public AlertmanagerConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxDuration, "maxDuration");
        ServiceUrls.check("alerts.alertmanager.url", baseUrl);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("alerts.alertmanager.timeout must be positive, got " + timeout);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("alerts.alertmanager.max-silence must be positive, got " + maxDuration);
        }
    }

    /** No auth, a 10 s timeout, silences of up to 7 days. */
    public static AlertmanagerConfig of(URI baseUrl) {
        return new AlertmanagerConfig(baseUrl, new AlertmanagerAuth.None(), Duration.ofSeconds(10),
                Duration.ofDays(7));
    }

    public AlertmanagerConfig withAuth(AlertmanagerAuth newAuth) {
        return new AlertmanagerConfig(baseUrl, newAuth, timeout, maxDuration);
    }

    /** How messages name this Alertmanager: its scheme, host and port, nothing that could be secret. */
    String where() {
        return "Alertmanager at " + baseUrl.getScheme() + "://" + baseUrl.getHost()
                + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
    }
}
