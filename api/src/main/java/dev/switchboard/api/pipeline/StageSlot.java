package dev.switchboard.api.pipeline;

/**
 * The places a plugin may add a stage. The fixed order is Reply, Audit, Identity, [AFTER_IDENTITY], Parse,
 * [AFTER_PARSE], Authorize, Confirm, Approve, [BEFORE_EXECUTE], Execute. Plugin stages run after the security
 * stages before them, so they only ever see identified, parsed or authorised exchanges.
 */
public enum StageSlot { AFTER_IDENTITY, AFTER_PARSE, BEFORE_EXECUTE }
