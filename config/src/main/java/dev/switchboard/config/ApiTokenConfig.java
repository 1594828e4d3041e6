package dev.switchboard.config;

import java.util.Objects;

/**
 * One {@code server.apiTokens} entry: the token's {@code name} (shown in the audit log as {@code api:<name>}), the
 * configured {@code user} it acts as, and the {@code sha256} of the token as 64 lower-case hex digits. The token
 * itself is never in the configuration ({@code switchboard token new} prints both). Immutable.
 */
public record ApiTokenConfig(String name, String user, String sha256) {
    public ApiTokenConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sha256, "sha256");
    }
}
