/**
 * The in-memory {@link dev.switchboard.api.alert.AlertStore}, {@link dev.switchboard.api.alert.AlertGroupStore} and
 * {@link dev.switchboard.api.alert.AlertAcks}, for tests and for runs that need nothing to survive a restart; the
 * alert store applies exactly the rules of {@link dev.switchboard.api.alert.AlertStore#classify} that the JDBC store
 * applies.
 */
package dev.switchboard.alerts.memory;
