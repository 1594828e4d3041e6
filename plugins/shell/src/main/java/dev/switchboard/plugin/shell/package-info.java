/**
 * The {@code shell} action: runs a fixed program with argv entries filled from a command's arguments, never through
 * a shell, so an argument such as {@code ; rm -rf /} reaches the program as one odd string. The child sees a minimal
 * environment, its stdout and stderr are streamed line by line into the job's output with a cap, and cancel or
 * timeout stops the whole process tree (SIGTERM, then SIGKILL after a grace period).
 * {@link dev.switchboard.plugin.shell.ShellActionFactory} validates the settings at load;
 * {@link dev.switchboard.plugin.shell.ShellPlugin} registers it.
 */
package dev.switchboard.plugin.shell;
