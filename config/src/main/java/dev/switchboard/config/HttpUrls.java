package dev.switchboard.config;

import java.net.URI;
import java.util.Locale;

/**
 * Checks the URL of a service Switchboard calls (Alertmanager, PagerDuty, Opsgenie): absolute http(s) with a host,
 * and no credentials, query or fragment, so the URL can be shown in messages without leaking a secret (credentials
 * have settings of their own). Stateless.
 */
final class HttpUrls {
    private HttpUrls() {}

    /**
     * @param key the setting, named in the message ({@code alerts.alertmanager.url})
     * @throws IllegalArgumentException saying what was wrong, never echoing credentials
     */
    static void check(String key, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL with a host, like"
                    + " https://alertmanager.example.com:9093");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not hold credentials (user:password@);"
                    + " give them in the auth settings instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " must not have a query or fragment, got one in " + url.getHost());
        }
    }
}
