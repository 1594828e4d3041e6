/**
 * Policy: who may run what, where. Until the configured policy engine lands, {@link
 * dev.switchboard.core.policy.InterimPolicy} lets known users run everything and guests only the harmless built-ins.
 */
package dev.switchboard.core.policy;
