/**
 * The read-only REST API under {@code /api/v1}: alerts with their history, alert groups, incidents with their
 * timelines and postmortems. Callers present an API token ({@code Authorization: Bearer sbt_...}) that is kept only
 * as its SHA-256 ({@link dev.switchboard.server.rest.ApiTokens}); the token acts as its configured user, and every
 * request is authorised by the policy as that user running the matching read command
 * ({@link dev.switchboard.server.rest.ApiGate}) and audited. Mounted with
 * {@link dev.switchboard.server.HttpServer#api}; the data comes through api ports and the small
 * {@link dev.switchboard.server.rest.AlertGroups} port, so this package knows no alert router or database.
 */
package dev.switchboard.server.rest;
