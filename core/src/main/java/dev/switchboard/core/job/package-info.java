/**
 * Jobs: every configured command runs as a durable job with an id, a timeout, cancellation, an optional named
 * lock, captured output and progress streamed by editing one chat message.
 */
package dev.switchboard.core.job;
