package dev.switchboard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;

/**
 * One webhook receiver ({@code alerts.receivers[]}) as written: its {@code name} (lower-case letters, digits,
 * {@code -} and {@code _}, at most 64; part of the URL), its {@code kind}, how it authenticates senders, the largest
 * body it takes in bytes, and for {@link Kind#GENERIC} only, where the JSON keeps each field ({@code mapping}, null
 * for the other kinds). Immutable; {@code toString} never shows a secret.
 */
public record AlertReceiverConfig(String name, Kind kind, Auth auth, long maxBytes, Mapping mapping) {
    /** 1 MiB: far more than Alertmanager sends for a group of a few hundred alerts. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** Bodies are held in memory, so the limit itself is capped. */
    public static final long MAX_MAX_BYTES = 64L << 20;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** Which payload the receiver understands. */
    public enum Kind {
        ALERTMANAGER, GRAFANA, GENERIC;

        /** The lower-case name written in config and URLs. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertReceiverConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("receiver name '" + name + "' must be 1 to 64 lower-case letters,"
                    + " digits, '-' or '_', starting with a letter or digit");
        }
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("receiver " + name + ": maxBytes must be between 1 and "
                    + MAX_MAX_BYTES + ", got " + maxBytes);
        }
        if ((kind == Kind.GENERIC) != (mapping != null)) {
            throw new IllegalArgumentException("receiver " + name + ": " + (kind == Kind.GENERIC
                    ? "a generic receiver needs a mapping saying where its JSON keeps each field"
                    : "only generic receivers take a mapping"));
        }
    }

    /** How the receiver authenticates its sender; the secret came from a {@code ${env:}} or {@code ${file:}} reference. */
    public sealed interface Auth {
        /** {@code auth: { bearer: "${env:NAME}" }}: {@code Authorization: Bearer <token>}. */
        record Bearer(String token) implements Auth {
            public Bearer {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public String toString() {
                return "Bearer[token=***]";
            }
        }

        /**
         * {@code auth: { hmac: { header, algorithm, secret, prefix } }}: a hex HMAC of the raw body in
         * {@code header}, after {@code prefix} (empty: none); {@code algorithm} is {@code sha256} or {@code sha1}.
         */
        record Hmac(String header, String algorithm, String secret, String prefix) implements Auth {
            public static final List<String> ALGORITHMS = List.of("sha256", "sha1");

            public Hmac {
                Objects.requireNonNull(header, "header");
                Objects.requireNonNull(secret, "secret");
                if (!ALGORITHMS.contains(algorithm)) {
                    throw new IllegalArgumentException("unknown HMAC algorithm '" + algorithm + "'; expected one of "
                            + String.join(", ", ALGORITHMS));
                }
                prefix = prefix == null ? "" : prefix;
            }

            @Override
            public String toString() {
                return "Hmac[header=" + header + ", algorithm=" + algorithm + ", secret=***, prefix=" + prefix + "]";
            }
        }
    }

    /**
     * Where a generic receiver's JSON keeps each field, as JSON Pointers (RFC 6901): {@code alerts} points at the
     * array of alerts ({@code ""}: the body is one alert), the others are relative to one alert; only {@code name}
     * is required, a null pointer means the field is not sent. {@code statusValues} maps a sent status (lower case)
     * to {@code firing} or {@code resolved}. Pointers are checked here, so a typo fails at load time.
     */
    public record Mapping(String alerts, String name, String status, Map<String, String> statusValues,
            String severity, String labels, String fingerprint, String summary, String links, String startsAt,
            String endsAt) {
        public Mapping {
            alerts = alerts == null ? "" : alerts;
            check("alerts", alerts);
            Objects.requireNonNull(name, "name");
            check("name", name);
            for (String[] field : new String[][] {{"status", status}, {"severity", severity}, {"labels", labels},
                    {"fingerprint", fingerprint}, {"summary", summary}, {"links", links}, {"startsAt", startsAt},
                    {"endsAt", endsAt}}) {
                if (field[1] != null) {
                    check(field[0], field[1]);
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (statusValues != null) {
                statusValues.forEach((sent, meant) -> {
                    if (!meant.equals("firing") && !meant.equals("resolved")) {
                        throw new IllegalArgumentException("mapping.statusValues." + sent + ": expected firing or"
                                + " resolved, got '" + meant + "'");
                    }
                    values.put(sent.toLowerCase(Locale.ROOT), meant);
                });
            }
            statusValues = java.util.Collections.unmodifiableMap(values);
        }

        private static void check(String field, String pointer) {
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mapping." + field + ": '" + pointer + "' is not a JSON Pointer"
                        + " (expected \"\" or a path like /labels/severity)", e);
            }
        }
    }
}
