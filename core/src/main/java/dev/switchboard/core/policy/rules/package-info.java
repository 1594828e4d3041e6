/**
 * The configured policy: an ordered list of {@code allow} and {@code restrict} rules, checked once at load time
 * ({@link dev.switchboard.core.policy.rules.RulePolicy#build} reports every problem with its source position) and
 * then evaluated per command with default deny. {@code help} and {@code whoami} are always allowed so nobody is
 * locked out of learning why; restrict rules confine commands to channels; the first allow rule whose commands,
 * audience and {@code when} condition all match allows. Every decision names its rule and can be explained step by
 * step.
 */
package dev.switchboard.core.policy.rules;
