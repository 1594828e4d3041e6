/**
 * Alerts received from monitoring systems (Alertmanager, Grafana, generic JSON webhooks), normalised into one
 * {@link dev.switchboard.api.alert.Alert} shape whatever their source, and the
 * {@link dev.switchboard.api.alert.AlertStore} that keeps each alert's current state and its history of
 * firing and resolved transitions, keyed by fingerprint, across restarts and replicas.
 */
package dev.switchboard.api.alert;
