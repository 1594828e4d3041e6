/**
 * The audit chain writer: {@link dev.switchboard.core.audit.GroupCommitAuditLog} turns many callers' events into few
 * store transactions while every caller still waits for its own commit; an in-memory store for tests and the
 * embedded demo; and streaming verification of a stored chain.
 */
package dev.switchboard.core.audit;
