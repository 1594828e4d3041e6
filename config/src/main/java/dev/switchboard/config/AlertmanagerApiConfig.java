package dev.switchboard.config;

import java.net.URI;
import java.util.Objects;

/**
 * {@code alerts.alertmanager}: the Alertmanager that silences are created on, by its base URL (http(s), without
 * credentials) and how Switchboard authenticates to it. Immutable; {@code toString} never shows a secret.
 */
public record AlertmanagerApiConfig(URI url, Auth auth) {
    public AlertmanagerApiConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        HttpUrls.check("alerts.alertmanager.url", url);
    }

    /** How to authenticate: not at all (default), HTTP basic, or a bearer token; secrets come from references. */
    public sealed interface Auth {
        /** No {@code Authorization} header. */
        record None() implements Auth {}

        /** {@code auth: { user: switchboard, password: "${file:/run/secrets/am}" }}. */
        record Basic(String user, String password) implements Auth {
            public Basic {
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
                if (user.isBlank() || user.contains(":")) {
                    throw new IllegalArgumentException("the user must be non-blank and without ':'");
                }
            }

            @Override
            public String toString() {
                return "Basic[user=" + user + ", password=***]";
            }
        }

        /** {@code auth: { bearer: "${env:AM_TOKEN}" }}. */
        record Bearer(String token) implements Auth {
            public Bearer {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public String toString() {
                return "Bearer[token=***]";
            }
        }
    }
}
