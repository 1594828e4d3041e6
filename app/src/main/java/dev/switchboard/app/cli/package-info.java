/** The subcommands of {@code switchboard}: demo, serve, check, audit, policy, shell, token and version. */
package dev.switchboard.app.cli;
