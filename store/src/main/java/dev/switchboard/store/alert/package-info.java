/**
 * The JDBC {@link dev.switchboard.api.alert.AlertStore}: alerts by fingerprint and their firing and resolved
 * transitions, on H2 or PostgreSQL, a whole webhook's alerts in one transaction; and the JDBC
 * {@link dev.switchboard.api.alert.AlertAcks}: who acked which alert from chat.
 */
package dev.switchboard.store.alert;
