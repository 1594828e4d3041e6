package dev.switchboard.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logged-in browser sessions, in memory. A session is a random 256-bit token (the cookie value); only its SHA-256
 * is kept, so a heap dump reveals no usable token. Sessions expire after {@code idle} without use; at most
 * {@code max} are kept, the least recently used is dropped first. Thread-safe.
 */
final class LoginSessions {
    private record Login(String user, Instant lastSeen) {}

    private final Clock clock;
    private final Duration idle;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Login> byTokenHash;

    LoginSessions(Clock clock, Duration idle, int max) {
        this.clock = clock;
        this.idle = idle;
        this.byTokenHash = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Login> eldest) {
                return size() > max;
            }
        };
    }

    /** Starts a session for {@code user}; returns the token to put in the cookie. */
    synchronized String open(String user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byTokenHash.put(hash(token), new Login(user, clock.instant()));
        return token;
    }

    /** The user of a live session, refreshing its idle timer; empty for unknown, expired or null tokens. */
    synchronized Optional<String> user(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Login login = byTokenHash.get(key);
        Instant now = clock.instant();
        if (login == null) {
            return Optional.empty();
        }
        if (login.lastSeen().plus(idle).isBefore(now)) {
            byTokenHash.remove(key);
            return Optional.empty();
        }
        byTokenHash.put(key, new Login(login.user(), now));
        return Optional.of(login.user());
    }

    /** Ends a session; unknown tokens are ignored. */
    synchronized void close(String token) {
        if (token != null) {
            byTokenHash.remove(hash(token));
        }
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
