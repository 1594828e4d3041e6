package dev.switchboard.app.wiring;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.UserConfig;
import dev.switchboard.config.WebChatConfig;
import dev.switchboard.server.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Web chat logins checked against the configured users that have a {@code web:} account. With {@code login: open}
 * (the demo) the name is enough; otherwise the user's configured password must match. Reads the config in force
 * on every attempt, so a reload that removes a user takes effect at once. Comparisons take the same time whether
 * or not the user exists.
 */
final class ConfiguredLogins implements Authenticator {
    private static final byte[] NO_PASSWORD = digest("\u0000no password configured\u0000");

    private final Supplier<SwitchboardConfig> config;

    ConfiguredLogins(Supplier<SwitchboardConfig> config) {
        this.config = config;
    }

    @Override
    public Optional<String> authenticate(String user, String password) {
        SwitchboardConfig current = config.get();
        Optional<UserConfig> account = current.users().stream()
                .filter(u -> u.accounts().contains("web:" + user)).findFirst();
        if (!passwordRequired()) {
            return account.map(u -> user);
        }
        byte[] expected = account.map(UserConfig::password).map(ConfiguredLogins::digest).orElse(NO_PASSWORD);
        boolean matches = MessageDigest.isEqual(expected, digest(password));
        return matches && account.isPresent() && account.get().password() != null ? Optional.of(user) : Optional.empty();
    }

    @Override
    public boolean passwordRequired() {
        return config.get().chat().web().login() != WebChatConfig.Login.OPEN;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
