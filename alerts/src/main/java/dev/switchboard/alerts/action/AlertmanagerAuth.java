package dev.switchboard.alerts.action;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How Switchboard authenticates to Alertmanager (usually through a reverse proxy): not at all, with HTTP basic
 * auth, or with a bearer token. The records hold secrets, so their {@code toString} never shows them.
 */
public sealed interface AlertmanagerAuth {

    /** The {@code Authorization} header value to send, if any. */
    Optional<String> header();

    /** No {@code Authorization} header. */
    record None() implements AlertmanagerAuth {
        @Override
        public Optional<String> header() {
            return Optional.empty();
        }
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    record Basic(String user, String password) implements AlertmanagerAuth {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || user.contains(":")) {
                throw new IllegalArgumentException("alerts.alertmanager.auth.user must be non-blank without ':'");
            }
        }

        @Override
        public Optional<String> header() {
            String pair = user + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(String token) implements AlertmanagerAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("alerts.alertmanager.auth.token must not be blank");
            }
        }

        @Override
        public Optional<String> header() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /** The secret this auth sends (password or token), to scrub from anything shown; empty for none. */
    default String secret() {
        return switch (this) {
            case None none -> "";
            case Basic basic -> basic.password();
            case Bearer bearer -> bearer.token();
        };
    }
}
