package dev.switchboard.server.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The configured API tokens, checked by hash: a presented token is hashed with SHA-256 and compared with every
 * configured hash in constant time (all of them, whatever matched), so neither the answer nor its timing tells
 * which names exist. Also makes new tokens: {@value #PREFIX} and 32 random bytes in URL-safe base64. Immutable and
 * thread-safe.
 */
public final class ApiTokens {
    /** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "sbt_";
    /** Random bytes in a new token. */
    public static final int RANDOM_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 256;

    private final List<ApiToken> tokens;
    private final List<byte[]> digests;

    public ApiTokens(List<ApiToken> tokens) {
        this.tokens = List.copyOf(tokens);
        Set<String> names = new HashSet<>();
        for (ApiToken token : this.tokens) {
            if (!names.add(token.name())) {
                throw new IllegalArgumentException("two API tokens are named " + token.name());
            }
        }
        this.digests = this.tokens.stream().map(ApiToken::digest).toList();
    }

    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    /** The configured token whose hash matches {@code presented}, if any. */
    public Optional<ApiToken> match(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        ApiToken found = null;
        for (int i = 0; i < tokens.size(); i++) {
            // no early exit: every configured hash is compared, matched or not
            if (MessageDigest.isEqual(digests.get(i), digest) & found == null) {
                found = tokens.get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token: {@code sbt_} and {@value #RANDOM_BYTES} bytes from {@code random}, URL-safe base64. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of {@code token}'s UTF-8 bytes: what the configuration keeps. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
