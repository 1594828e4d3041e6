/**
 * The {@code switchboard} program: {@link dev.switchboard.app.Main} parses the command line and hands over to a
 * subcommand in {@code cli}; {@code wiring} turns a configuration into a running server. The only module that
 * knows every other module.
 */
package dev.switchboard.app;
