/**
 * Acting on alerts from chat (DESIGN.md section 7): {@link dev.switchboard.alerts.action.AlertmanagerSilences}
 * creates, finds and expires real Alertmanager silences through its v2 API, recorded with the Switchboard user who
 * asked; {@link dev.switchboard.alerts.action.PagerDutyEscalation} (Events API v2) and
 * {@link dev.switchboard.alerts.action.OpsgenieEscalation} (Alert API v2) page people and follow the incident up by
 * a dedup key derived from the alert's fingerprint or the group's id. Every call answers a value; rate limits and
 * server errors are retried with capped, jittered backoff ({@link dev.switchboard.alerts.action.RetryPolicy}),
 * honouring {@code Retry-After}. Keys, tokens and passwords are constructor arguments and never appear in a
 * {@code toString}, a log line or a result.
 */
package dev.switchboard.alerts.action;
