/** The subcommands of {@code switchboard}: demo, serve, check, audit, shell and version. */
package dev.switchboard.app.cli;
