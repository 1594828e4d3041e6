package dev.switchboard.plugin.http;

import dev.switchboard.api.plugin.PluginContext;
import dev.switchboard.api.plugin.SwitchboardPlugin;

/** Adds the {@code http} action kind. It takes no plugin settings. */
public final class HttpPlugin implements SwitchboardPlugin {
    @Override
    public String id() {
        return "http";
    }

    @Override
    public void register(PluginContext context) {
        context.addAction(new HttpActionFactory());
    }
}
