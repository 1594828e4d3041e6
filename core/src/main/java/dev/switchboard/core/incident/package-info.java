/**
 * Incident response from chat: declaring an incident, its roles, status, severity, notes and links, its timeline
 * collected as people work (commands run in the incident's conversation included), resolving it, and the
 * postmortem document rendered from it. The built-in {@code incident ...} commands are answered by
 * {@link dev.switchboard.core.incident.IncidentCommands} through {@link dev.switchboard.core.incident.Incidents}.
 */
package dev.switchboard.core.incident;
