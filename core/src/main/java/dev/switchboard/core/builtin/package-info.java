/**
 * Built-in commands ({@code help}, {@code whoami}, {@code jobs}, {@code job}, {@code cancel}, {@code ping},
 * {@code version}, {@code audit last}): declared as ordinary {@link dev.switchboard.api.command.CommandSpec}s with a
 * {@code builtin.<name>} action, so they are parsed, authorised and audited like every other command, then answered
 * in process by {@link dev.switchboard.core.builtin.BuiltinCommands}.
 */
package dev.switchboard.core.builtin;
