/**
 * Built-in action kinds that run in process, such as {@code reply} (answer with a fixed text filled from the
 * command's arguments). They still run as jobs, so they are audited and tracked like every other command.
 */
package dev.switchboard.core.action;
