package dev.switchboard.alerts.webhook;

import java.util.Locale;
import java.util.Objects;

/**
 * How a receiver authenticates its sender. Every receiver has one: there is no unauthenticated receiver. The
 * records hold secrets, so their {@code toString} never shows them.
 */
public sealed interface WebhookAuth {

    /** {@code Authorization: Bearer <token>}, compared in constant time. */
    record Bearer(String token) implements WebhookAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("a bearer token must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /** The HMAC algorithms a signature may use. */
    enum Algorithm {
        SHA256("HmacSHA256", 32), SHA1("HmacSHA1", 20);

        private final String jcaName;
        private final int bytes;

        Algorithm(String jcaName, int bytes) {
            this.jcaName = jcaName;
            this.bytes = bytes;
        }

        String jcaName() {
            return jcaName;
        }

        /** Length of the MAC in bytes (twice that in hex digits). */
        int bytes() {
            return bytes;
        }

        /** {@code sha256} or {@code sha1}, as written in configuration. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A hex HMAC of the raw body with {@code secret} in header {@code header} (any case), after an optional
     * {@code prefix} such as {@code sha256=} (null or empty: none). The signature is compared in constant time.
     */
    record Hmac(String header, Algorithm algorithm, String secret, String prefix) implements WebhookAuth {
        public Hmac {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
            if (header.isBlank()) {
                throw new IllegalArgumentException("an HMAC receiver needs the name of its signature header");
            }
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("an HMAC secret must not be empty");
            }
            prefix = prefix == null ? "" : prefix;
        }

        @Override
        public String toString() {
            return "Hmac[header=" + header + ", algorithm=" + algorithm.wireName() + ", secret=***, prefix=" + prefix
                    + "]";
        }
    }
}
