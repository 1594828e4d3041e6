package dev.switchboard.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request against its receiver's {@link WebhookAuth} on the raw body, before anything parses it. Secrets
 * are compared in constant time and never appear in a message. Stateless, thread-safe.
 */
final class AuthCheck {
    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "bearer ";

    private AuthCheck() {}

    /** Empty if the request is authentic, else why not (401 missing or malformed, 403 wrong). */
    static Optional<Refusal> verify(ReceiverConfig receiver, Headers headers, byte[] body) {
        return switch (receiver.auth()) {
            case WebhookAuth.Bearer bearer -> bearer(receiver.name(), bearer, headers);
            case WebhookAuth.Hmac hmac -> hmac(receiver.name(), hmac, headers, body);
        };
    }

    private static Optional<Refusal> bearer(String receiver, WebhookAuth.Bearer bearer, Headers headers) {
        Optional<String> header = headers.get(AUTHORIZATION);
        if (header.isEmpty()) {
            return refuse(Refusal.UNAUTHENTICATED, "receiver " + receiver + " needs an 'Authorization: Bearer"
                    + " <token>' header; the request had no Authorization header");
        }
        String value = header.get().strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return refuse(Refusal.UNAUTHENTICATED, "receiver " + receiver + " needs an 'Authorization: Bearer"
                    + " <token>' header; the Authorization header does not use the Bearer scheme");
        }
        String given = value.substring(BEARER.length()).strip();
        // Hashing both sides first makes the comparison independent of the token's length too.
        if (!MessageDigest.isEqual(sha256(given), sha256(bearer.token()))) {
            return refuse(Refusal.FORBIDDEN, "the bearer token is not the one configured for receiver " + receiver);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> hmac(String receiver, WebhookAuth.Hmac hmac, Headers headers, byte[] body) {
        String expected = hmac.algorithm().bytes() * 2 + " hex digits of the HMAC-"
                + hmac.algorithm().wireName().toUpperCase(Locale.ROOT) + " of the body"
                + (hmac.prefix().isEmpty() ? "" : " after '" + hmac.prefix() + "'");
        Optional<String> header = headers.get(hmac.header());
        if (header.isEmpty()) {
            return refuse(Refusal.UNAUTHENTICATED, "receiver " + receiver + " needs a signature in header "
                    + hmac.header() + " (" + expected + "); the request had none");
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, hmac.prefix(), 0, hmac.prefix().length())) {
            return refuse(Refusal.UNAUTHENTICATED, "header " + hmac.header() + " should hold " + expected);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(hmac.prefix().length()));
        } catch (IllegalArgumentException e) {
            return refuse(Refusal.UNAUTHENTICATED, "header " + hmac.header() + " should hold " + expected);
        }
        if (given.length != hmac.algorithm().bytes()) {
            return refuse(Refusal.UNAUTHENTICATED, "header " + hmac.header() + " should hold " + expected);
        }
        if (!MessageDigest.isEqual(given, mac(hmac, body))) {
            return refuse(Refusal.FORBIDDEN, "the signature in header " + hmac.header()
                    + " does not match the body and the secret configured for receiver " + receiver);
        }
        return Optional.empty();
    }

    /** The MAC of {@code body} with the receiver's secret, as a sender computes it. */
    static byte[] mac(WebhookAuth.Hmac hmac, byte[] body) {
        try {
            Mac mac = Mac.getInstance(hmac.algorithm().jcaName());
            mac.init(new SecretKeySpec(hmac.secret().getBytes(StandardCharsets.UTF_8), hmac.algorithm().jcaName()));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + hmac.algorithm().jcaName(), e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
