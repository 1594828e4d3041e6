/**
 * Per-user rate limits from {@code limit} policy rules: how many runs a user may start per period, and when they
 * may try again.
 */
package dev.switchboard.core.limit;
