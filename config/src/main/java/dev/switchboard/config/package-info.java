/**
 * Switchboard's YAML configuration: {@link dev.switchboard.config.ConfigLoader} reads the main file and its
 * includes, resolves {@code ${env:NAME}} / {@code ${file:/path}} references, validates every section and returns
 * either an immutable {@link dev.switchboard.config.SwitchboardConfig} or every problem at once as
 * {@code file:line:column: key: message} errors; {@link dev.switchboard.config.ConfigWatcher} reloads it when the
 * files change. Depends on the api and Jackson only, never on the engine: command checks the engine owns come in
 * through a {@link dev.switchboard.config.CommandChecker}.
 */
package dev.switchboard.config;
