/**
 * The plugin SPI: a {@link dev.switchboard.api.plugin.SwitchboardPlugin} is found by ServiceLoader but enabled only
 * when the config names it, and then adds actions and stages through its
 * {@link dev.switchboard.api.plugin.PluginContext}.
 */
package dev.switchboard.api.plugin;
