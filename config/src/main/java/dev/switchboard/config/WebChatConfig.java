package dev.switchboard.config;

import java.util.Objects;

/**
 * The built-in web chat. {@code login: open} lets anyone log in as any configured web account by name, without a
 * password: for demos only, and the app should say so loudly when it starts that way.
 */
public record WebChatConfig(boolean enabled, Login login) {
    public static final WebChatConfig DEFAULT = new WebChatConfig(true, Login.PASSWORD);

    /** How people log in to the web chat. */
    public enum Login {
        /** With the {@code password} of their user entry. */
        PASSWORD,
        /** By picking a configured web account, without a password (demo only). */
        OPEN
    }

    public WebChatConfig {
        Objects.requireNonNull(login, "login");
    }
}
