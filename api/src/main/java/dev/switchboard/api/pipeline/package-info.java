/**
 * The message path: an {@link dev.switchboard.api.pipeline.Exchange} passes through a chain of
 * {@link dev.switchboard.api.pipeline.Stage}s (Reply, Audit, Identity, Parse, Authorize, Confirm, Approve, Execute)
 * and comes back as an {@link dev.switchboard.api.pipeline.Outcome}. Plugins add stages only at named
 * {@link dev.switchboard.api.pipeline.StageSlot}s; they cannot remove or reorder the security stages.
 */
package dev.switchboard.api.pipeline;
