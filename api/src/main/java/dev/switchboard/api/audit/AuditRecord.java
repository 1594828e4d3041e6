package dev.switchboard.api.audit;

/**
 * An event as stored in the chain: its sequence number (1, 2, 3, ... with no gaps), the previous record's hash and
 * its own, {@code hash = SHA-256(prevHash ‖ canonical JSON)} as {@link AuditChain#hash} computes it.
 */
public record AuditRecord(long seq, AuditEvent event, String prevHash, String hash) {}
