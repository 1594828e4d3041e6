package dev.switchboard.alerts.webhook;

import java.util.Locale;
import java.util.Optional;

/** Which payload a receiver understands: Alertmanager's webhook (version 4), Grafana alerting's, or mapped JSON. */
public enum ReceiverKind {
    ALERTMANAGER, GRAFANA, GENERIC;

    /** The lower-case name used in configuration, URLs and {@link dev.switchboard.api.alert.Alert#source()}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} (any case), if there is one. */
    public static Optional<ReceiverKind> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ReceiverKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
