package dev.switchboard.api.audit;

/** The result of verifying the chain. */
public sealed interface VerifyResult {
    /** Every record checked out; {@code headHash} is the last record's hash (a checkpoint to compare later). */
    record Intact(long records, String headHash) implements VerifyResult {}

    /** The first broken sequence number and what is wrong there. */
    record Broken(long seq, String reason) implements VerifyResult {}
}
