package dev.switchboard.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of an alert whose sender gave none: 16 hex digits of the SHA-256 of its labels sorted by name, so
 * the same label set always gives the same fingerprint, whatever the order the sender wrote them in. Stateless.
 */
public final class LabelFingerprint {
    /** Cannot occur in UTF-8 text, so no label can forge a separator. */
    private static final byte SEPARATOR = (byte) 0xff;

    private LabelFingerprint() {}

    public static String of(Map<String, String> labels) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            sha256.update(label.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update(SEPARATOR);
            sha256.update(label.getValue().getBytes(StandardCharsets.UTF_8));
            sha256.update(SEPARATOR);
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }
}
