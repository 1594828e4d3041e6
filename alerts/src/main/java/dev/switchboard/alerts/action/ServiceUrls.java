package dev.switchboard.alerts.action;

import java.net.URI;
import java.util.Locale;

/**
 * Checks the URL of a service Switchboard calls: absolute http(s) with a host, and no credentials, query or
 * fragment in it, so the URL itself can be shown in messages without leaking a secret (credentials go in their own
 * settings). Stateless.
 */
final class ServiceUrls {
    private ServiceUrls() {}

    static void check(String key, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL with a host, like"
                    + " https://alertmanager.example.com:9093");
        }
        if (url.getRawUserInfo() != null) {
            // Never echo the URL here: it holds the credentials.
            throw new IllegalArgumentException(key + " must not hold credentials (user:password@);"
                    + " give them in the auth settings instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " must not have a query or fragment, got one in " + url.getHost());
        }
    }

    /** {@code base} with {@code path} appended, without doubling or dropping the slash between them. */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
