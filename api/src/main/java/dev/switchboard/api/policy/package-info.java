/**
 * Authorisation: a {@link dev.switchboard.api.policy.Policy} decides, for a principal, an invocation and a
 * conversation, whether the command may run, must wait for approval, or is denied, and names the rule that decided.
 * Default deny.
 */
package dev.switchboard.api.policy;
