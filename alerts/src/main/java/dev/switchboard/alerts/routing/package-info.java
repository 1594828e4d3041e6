/**
 * Alert routing and storm control (DESIGN.md section 7): {@link dev.switchboard.alerts.routing.Routes} picks, by
 * label matchers, the routes an alert takes to one or more conversations; {@link
 * dev.switchboard.alerts.routing.AlertRouter} groups the alerts of each route and conversation by label values,
 * de-duplicates them by fingerprint, and on each {@code tick} says which messages to post or edit, honouring group
 * wait, group interval, repeat interval, quiet hours and a per-conversation token bucket that folds a storm into one
 * summary message; {@link dev.switchboard.alerts.routing.AlertAnswers} answers {@code alerts group <id>} and
 * {@code alerts [filters]} so every alert stays reachable. Pure and deterministic: time comes from the caller, no
 * threads are started here; the integrator executes the returned {@link dev.switchboard.alerts.routing.PostAction}s
 * through the chat gateway.
 */
package dev.switchboard.alerts.routing;
