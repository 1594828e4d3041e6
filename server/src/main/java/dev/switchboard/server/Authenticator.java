package dev.switchboard.server;

import java.util.Optional;

/**
 * Checks web chat logins against the configured web users. Called on an HTTP thread; must be thread-safe and
 * should take the same time whether or not the user exists. Never logs the password.
 */
public interface Authenticator {
    /**
     * The web account id ({@code alice} for {@code web:alice}) when {@code user} may log in with {@code password},
     * else empty. {@code password} is empty, never null, when none was given.
     */
    Optional<String> authenticate(String user, String password);

    /** False when users log in by name only (the local demo); the login page then hides the password field. */
    boolean passwordRequired();
}
