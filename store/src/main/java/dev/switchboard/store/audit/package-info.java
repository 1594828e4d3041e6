/**
 * The audit chain in SQL: {@link dev.switchboard.store.audit.JdbcAuditStore} appends events under a lock on the
 * one-row {@code audit_head} table, so writers on every thread and replica extend a single valid chain, and reads
 * them back in a form that re-hashes to exactly what was stored.
 */
package dev.switchboard.store.audit;
