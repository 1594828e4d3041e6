package dev.switchboard.plugin.shell;

import dev.switchboard.api.plugin.PluginContext;
import dev.switchboard.api.plugin.SwitchboardPlugin;
import java.nio.file.Path;

/**
 * Adds the {@code shell} action kind. Plugin setting {@code baseDir} (optional, default the current directory) is
 * where relative {@code workdir}s and programs such as {@code ./scripts/deploy.sh} resolve.
 */
public final class ShellPlugin implements SwitchboardPlugin {
    @Override
    public String id() {
        return "shell";
    }

    @Override
    public void register(PluginContext context) {
        Object baseDir = context.settings().get("baseDir");
        context.addAction(baseDir == null ? new ShellActionFactory() : new ShellActionFactory(Path.of(baseDir.toString())));
    }
}
