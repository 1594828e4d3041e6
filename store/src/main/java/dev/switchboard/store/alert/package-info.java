/**
 * The JDBC {@link dev.switchboard.api.alert.AlertStore} (alerts by fingerprint and their firing and resolved
 * transitions, a whole webhook's alerts in one transaction), {@link dev.switchboard.api.alert.AlertGroupStore} (the
 * router's groups, so they survive a restart) and {@link dev.switchboard.api.alert.AlertAcks} (who acked which alert
 * from chat) and {@link dev.switchboard.api.alert.AlertPages} (which dedup key was paged to which service), on H2 or
 * PostgreSQL.
 */
package dev.switchboard.store.alert;
