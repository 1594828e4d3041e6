/**
 * The engine: the message pipeline and its stages, commands, jobs, the audit chain writer and built-in commands.
 * Depends on {@code switchboard-api} and slf4j only; no framework. Wired by hand in {@code switchboard-app}.
 */
package dev.switchboard.core;
