/**
 * Policy: who may run what, where, and what must be approved, confirmed or rate-limited first. The configured
 * rules live in {@link dev.switchboard.core.policy.rules}, their conditions in
 * {@link dev.switchboard.core.policy.condition}; with no rules at all, only the built-in rules allow anything.
 */
package dev.switchboard.core.policy;
