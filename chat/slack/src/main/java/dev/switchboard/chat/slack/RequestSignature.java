package dev.switchboard.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature (version {@code v0}): {@code X-Slack-Signature} must be
 * {@code v0=} + hex HMAC-SHA256 of {@code v0:<X-Slack-Request-Timestamp>:<raw body>} under the signing secret, and
 * the timestamp within five minutes of now (replay window). Run it on the raw bytes, before parsing anything.
 * Thread-safe.
 */
final class RequestSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final byte[] secret;
    private final Clock clock;

    RequestSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Empty when the request is genuine and fresh; otherwise why it is refused (safe to show the caller). */
    Optional<String> problem(Map<String, String> headers, byte[] body) {
        String timestamp = header(headers, "X-Slack-Request-Timestamp");
        String signature = header(headers, "X-Slack-Signature");
        if (timestamp == null || signature == null) {
            return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature header; "
                    + "expected a request signed by Slack");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(WINDOW) > 0) {
            return Optional.of("request timestamp is " + age.toSeconds() + " s away from now; expected within "
                    + WINDOW.toMinutes() + " minutes (replayed or clock skew)");
        }
        byte[] expected = (VERSION + "=" + sign(timestamp.strip(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("X-Slack-Signature does not match the body; expected a v0 signature made with "
                    + "this app's signing secret");
        }
        return Optional.empty();
    }

    /** The hex HMAC of a request, as Slack computes it; also used by tests to sign what they send. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    /** Header lookup ignoring case, as HTTP requires. */
    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
