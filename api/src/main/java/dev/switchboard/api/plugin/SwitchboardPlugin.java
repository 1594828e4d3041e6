package dev.switchboard.api.plugin;

/**
 * A plugin. Implementations have a public no-argument constructor and are listed in
 * {@code META-INF/services/dev.switchboard.api.plugin.SwitchboardPlugin}; they are discovered on the class path
 * but registered only if enabled in config. {@link #register} is called once at start-up on the main thread.
 */
public interface SwitchboardPlugin {
    /** A stable lower-case id, e.g. {@code shell}; also the config key that enables it. */
    String id();

    void register(PluginContext context);
}
