/**
 * Commands: compiling templates, parsing text into invocations with did-you-mean suggestions, and the
 * {@link dev.switchboard.core.command.CommandSet} in force.
 */
package dev.switchboard.core.command;
