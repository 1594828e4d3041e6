/**
 * The in-memory {@link dev.switchboard.api.alert.AlertStore}, for tests and for runs that need nothing to survive a
 * restart; it applies exactly the rules of {@link dev.switchboard.api.alert.AlertStore#classify} that the JDBC
 * store applies; and the in-memory {@link dev.switchboard.api.alert.AlertAcks}.
 */
package dev.switchboard.alerts.memory;
