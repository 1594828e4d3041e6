/**
 * Webhook ingress for alerts (DESIGN.md section 7): {@link dev.switchboard.alerts.webhook.WebhookReceivers} takes
 * one HTTP request's receiver kind, name, headers and body, and answers with a status and a JSON body. It checks,
 * in this order, that the receiver exists (404), the body is within its size limit (413), the request is
 * authenticated by bearer token or HMAC signature before anything is parsed (401/403), the body is JSON (400) and
 * has the expected shape (422), and only then stores every alert of the request, all or nothing (200). Each
 * acceptance and refusal is reported to a {@link dev.switchboard.alerts.webhook.HookListener}. The HTTP server
 * itself is not here: the server module mounts the routes and calls {@code handle}.
 */
package dev.switchboard.alerts.webhook;
