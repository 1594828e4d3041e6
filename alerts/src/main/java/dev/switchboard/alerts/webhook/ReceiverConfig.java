package dev.switchboard.alerts.webhook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured webhook receiver ({@code alerts.receivers[]}): its {@code name} (lower case letters, digits,
 * {@code -} and {@code _}, at most 64; part of the URL for generic receivers), its {@code kind}, how it authenticates
 * senders, the largest body it takes in bytes, and for {@link ReceiverKind#GENERIC} only, how to read alerts from
 * the JSON ({@code mapping}, null for the other kinds). {@code toString} never shows secrets.
 */
public record ReceiverConfig(String name, ReceiverKind kind, WebhookAuth auth, long maxBytes,
        GenericMapping mapping) {
    /** 1 MiB: far more than Alertmanager sends for a group of a few hundred alerts. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** Bodies are held in memory, so the limit itself is capped. */
    public static final long MAX_MAX_BYTES = 64L << 20;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ReceiverConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("receiver name '" + name + "' must be 1 to 64 lower-case letters,"
                    + " digits, '-' or '_', starting with a letter or digit");
        }
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("receiver " + name + ": maxBytes must be between 1 and "
                    + MAX_MAX_BYTES + ", got " + maxBytes);
        }
        if ((kind == ReceiverKind.GENERIC) != (mapping != null)) {
            throw new IllegalArgumentException("receiver " + name + ": " + (kind == ReceiverKind.GENERIC
                    ? "a generic receiver needs a mapping saying where its JSON keeps each field"
                    : "only generic receivers take a mapping"));
        }
    }

    /** An Alertmanager receiver with the default size limit. */
    public static ReceiverConfig alertmanager(String name, WebhookAuth auth) {
        return new ReceiverConfig(name, ReceiverKind.ALERTMANAGER, auth, DEFAULT_MAX_BYTES, null);
    }

    /** A Grafana alerting receiver with the default size limit. */
    public static ReceiverConfig grafana(String name, WebhookAuth auth) {
        return new ReceiverConfig(name, ReceiverKind.GRAFANA, auth, DEFAULT_MAX_BYTES, null);
    }

    /** A generic receiver with the default size limit. */
    public static ReceiverConfig generic(String name, WebhookAuth auth, GenericMapping mapping) {
        return new ReceiverConfig(name, ReceiverKind.GENERIC, auth, DEFAULT_MAX_BYTES, mapping);
    }

    public ReceiverConfig withMaxBytes(long limit) {
        return new ReceiverConfig(name, kind, auth, limit, mapping);
    }
}
