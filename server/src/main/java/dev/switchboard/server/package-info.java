/**
 * Switchboard's HTTP surface on Javalin: liveness and readiness, login with an in-memory session cookie, the web
 * chat page and its WebSocket. {@link dev.switchboard.server.HttpServer} is wired explicitly by the app; the chat
 * itself stays behind the neutral {@link dev.switchboard.server.WsBridge}, so this module knows no chat adapter.
 */
package dev.switchboard.server;
