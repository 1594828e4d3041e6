/**
 * The JDBC storage backend: {@link dev.switchboard.store.JdbcStorage} opens one pooled {@code DataSource} on H2 (the
 * embedded default, a file under {@code ./data}) or PostgreSQL (production, shared by replicas), runs the Flyway
 * migrations, and hands out the audit, job and lock stores that share it. Every database failure surfaces as a
 * {@link dev.switchboard.api.StorageException} with context and without secrets.
 */
package dev.switchboard.store;
