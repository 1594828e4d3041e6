/**
 * The alert commands typed in chat or clicked as buttons: {@link dev.switchboard.alerts.desk.AlertCommands}
 * implements the api's {@link dev.switchboard.api.alert.AlertDesk} over the router's groups, the alert store, the
 * acks, Alertmanager silences and the escalation services. It reads the rest of each command line itself
 * ({@code group <id>}, a bare group id, a fingerprint, or silence matchers; durations like {@code 2h}), answers bad
 * input with what was expected, and audits what it changes (acks, silences, escalations) with who and why.
 */
package dev.switchboard.alerts.desk;
