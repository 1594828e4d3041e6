/**
 * Declared commands: {@link dev.switchboard.api.command.CommandSpec} (templates, typed arguments, help, examples,
 * lock, timeout, action), how text is parsed into an {@link dev.switchboard.api.command.Invocation}, and the
 * {@link dev.switchboard.api.command.ParseResult} values parsing can produce.
 */
package dev.switchboard.api.command;
