/**
 * Redaction: replacing configured secret values and the values of secret command arguments with {@code ***} in any
 * text before it reaches the audit log, a reply, a log line or job output.
 */
package dev.switchboard.core.redact;
