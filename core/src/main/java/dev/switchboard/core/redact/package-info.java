/**
 * Redaction: replacing configured secret values, the values of secret command arguments and anything that matches
 * a secret pattern (built-in ones for common token formats, plus configured ones) with {@code ***} in any text
 * before it reaches the audit log, a reply, an edit, a log line or job output.
 */
package dev.switchboard.core.redact;
