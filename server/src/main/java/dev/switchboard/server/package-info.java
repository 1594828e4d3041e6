/**
 * Switchboard's HTTP surface on Javalin: liveness and readiness, login with an in-memory session cookie, the web
 * chat page and its WebSocket, and raw POST endpoints for platform webhooks. {@link dev.switchboard.server.HttpServer}
 * is wired explicitly by the app; the chat itself stays behind the neutral {@link dev.switchboard.server.WsBridge}
 * and {@link dev.switchboard.server.RawPost}, so this module knows no chat adapter.
 */
package dev.switchboard.server;
