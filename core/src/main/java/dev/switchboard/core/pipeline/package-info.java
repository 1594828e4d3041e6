/**
 * The message pipeline (DESIGN.md section 2.2): a fixed chain of stages, Reply ▸ Audit ▸ Identity ▸ Parse ▸
 * Authorize ▸ Confirm ▸ Approve ▸ Execute, with plugin stages only at the named slots in between. The chain enforces
 * the stage contract; the security stages fail closed; every message ends as one {@link
 * dev.switchboard.api.pipeline.Outcome}, rendered for the user by {@link dev.switchboard.core.pipeline.OutcomeReplies}.
 */
package dev.switchboard.core.pipeline;
