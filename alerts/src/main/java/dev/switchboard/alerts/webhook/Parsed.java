package dev.switchboard.alerts.webhook;

import dev.switchboard.api.alert.Alert;
import java.util.List;

/** What reading a payload gave: its alerts, or the first field that is not what was expected. */
sealed interface Parsed {
    /** The alerts in payload order, and how many the sender said it left out. */
    record Alerts(List<Alert> alerts, int truncated) implements Parsed {}

    /** {@code problem} names the field and what was expected ("alerts[2].status: expected ..."). */
    record Invalid(String problem) implements Parsed {}
}
