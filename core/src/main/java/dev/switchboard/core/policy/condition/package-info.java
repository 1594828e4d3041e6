/**
 * Policy conditions: a small, safe expression language over an invocation's arguments and context
 * ({@code env == 'prod' && service in ['web', 'api']}), parsed once at load time into an immutable
 * {@link dev.switchboard.core.policy.condition.Condition} with errors that point at a column, then evaluated against
 * {@link dev.switchboard.core.policy.condition.Facts} into a {@link dev.switchboard.core.policy.condition.Verdict}
 * that explains itself. There is no arbitrary code and no reflection: only comparisons of named text values with
 * quoted strings, lists and regular expressions, combined with {@code &&}, {@code ||}, {@code !} and parentheses.
 */
package dev.switchboard.core.policy.condition;
