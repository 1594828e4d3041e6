/**
 * Log redaction: logback converters that pass every log message and stack trace through the same redactor as
 * replies, job output and the audit log, so no secret reaches a log line. {@code logback.xml} registers them.
 */
package dev.switchboard.app.logging;
