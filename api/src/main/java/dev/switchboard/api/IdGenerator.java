package dev.switchboard.api;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes short random identifiers for correlation references ("something went wrong (ref 7f3a2c)") and codes.
 * Injected everywhere an id is made, so tests can use a predictable sequence. Implementations are thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {
    /** Returns a new identifier of lower-case hex digits; never null or empty. */
    String next();

    /** Six random hex digits from a {@link SecureRandom}: short enough to read out, long enough not to repeat soon. */
    static IdGenerator random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[3];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
