/**
 * Incidents declared from chat: the {@link dev.switchboard.api.incident.Incident} record (severity, status, roles,
 * the conversation it was declared in), its ordered {@link dev.switchboard.api.incident.TimelineEntry timeline} of
 * who did what and when, and the {@link dev.switchboard.api.incident.IncidentStore} port that keeps both across
 * restarts and replicas.
 */
package dev.switchboard.api.incident;
