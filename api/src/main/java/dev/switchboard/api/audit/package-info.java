/**
 * The tamper-evident audit log: {@link dev.switchboard.api.audit.AuditEvent}s appended to a hash chain
 * ({@link dev.switchboard.api.audit.AuditChain} defines the canonical form and the hash), stored by an
 * {@link dev.switchboard.api.audit.AuditStore}, and written through the {@link dev.switchboard.api.audit.AuditLog}.
 */
package dev.switchboard.api.audit;
