package dev.switchboard.alerts.routing;

import java.util.Locale;

/** Orders severity labels: critical above error above warning above info; anything else lowest. Stateless. */
final class Severity {
    static final String CRITICAL = "critical";

    private Severity() {}

    static int rank(String severity) {
        if (severity == null) {
            return -1;
        }
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical", "page", "fatal", "emergency" -> 4;
            case "error", "high", "major" -> 3;
            case "warning", "warn", "medium", "minor" -> 2;
            case "info", "low", "none" -> 1;
            default -> 0;
        };
    }

    static boolean critical(String severity) {
        return rank(severity) == 4;
    }
}
