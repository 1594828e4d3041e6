/**
 * Explicit wiring: the one readable place where configuration becomes running objects — storage, the audit writer,
 * plugins and their actions, the command set, the job runner, the engine, the chat adapters (web, IRC, XMPP,
 * Slack) and the HTTP server — and where hot reloads swap the command set.
 */
package dev.switchboard.app.wiring;
