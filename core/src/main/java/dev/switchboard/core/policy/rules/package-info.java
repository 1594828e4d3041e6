/**
 * The configured policy: an ordered list of {@code allow}, {@code restrict}, {@code approve}, {@code confirm} and
 * {@code limit} rules, checked once at load time against the configured users and the known commands
 * ({@link dev.switchboard.core.policy.rules.RulePolicy#build} reports every problem with its source position) and
 * then evaluated per request with default deny. {@code help} and {@code whoami} are always allowed so nobody is
 * locked out of learning why; restrict rules confine commands to channels or verified accounts; the first allow rule
 * whose commands, audience and {@code when} condition all match allows; approve, confirm and limit rules then add
 * an approval, a confirmation or a rate limit to what was allowed. Every answer names its rule and can be explained
 * step by step.
 */
package dev.switchboard.core.policy.rules;
