package dev.switchboard.server.rest;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured API token, as kept at rest: its {@code name} (for the audit log and operators), the {@code user}
 * it acts as (a configured user id) and the SHA-256 of the token, 64 hex digits. The token itself is never kept.
 * Immutable.
 */
public record ApiToken(String name, String user, String sha256) {
    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("API token " + name + ": sha256 must be 64 hex digits");
        }
    }

    byte[] digest() {
        return HexFormat.of().parseHex(sha256);
    }
}
