package dev.switchboard.app.wiring;

import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.plugin.PluginContext;
import dev.switchboard.api.plugin.SwitchboardPlugin;
import dev.switchboard.core.action.ReplyActionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The plugins in force: discovered on the class path by ServiceLoader, registered only when the config names them
 * under {@code plugins:}. The built-in {@code reply} action is always present. Immutable once loaded.
 *
 * @param factories action factories by kind
 * @param stages plugin stages by slot, in registration order
 * @param available the ids of every plugin found on the class path, enabled or not (for error messages)
 */
public record Plugins(Map<String, ActionFactory> factories, List<Map.Entry<StageSlot, Stage>> stages,
        List<String> available) {

    /**
     * Registers the enabled plugins. Relative paths in plugin settings resolve against {@code configDir}: it is
     * given to plugins as their {@code baseDir} unless the config sets one.
     */
    public static Plugins load(Map<String, Map<String, Object>> enabled, Path configDir, Clock clock) {
        Map<String, ActionFactory> factories = new LinkedHashMap<>();
        List<Map.Entry<StageSlot, Stage>> stages = new ArrayList<>();
        List<String> available = new ArrayList<>();
        add(factories, new ReplyActionFactory(), "built in");
        for (SwitchboardPlugin plugin : ServiceLoader.load(SwitchboardPlugin.class)) {
            available.add(plugin.id());
            Map<String, Object> settings = enabled.get(plugin.id());
            if (settings == null) {
                continue;
            }
            Map<String, Object> withBase = new HashMap<>(settings);
            withBase.putIfAbsent("baseDir", configDir.toString());
            plugin.register(new Context(plugin.id(), Map.copyOf(withBase), clock, factories, stages));
        }
        return new Plugins(Map.copyOf(factories), List.copyOf(stages), List.copyOf(available));
    }

    /** Plugins named in config that are not on the class path: a config error each. */
    public List<String> missing(Map<String, Map<String, Object>> enabled) {
        return enabled.keySet().stream().filter(id -> !available.contains(id)).sorted().toList();
    }

    private static void add(Map<String, ActionFactory> factories, ActionFactory factory, String by) {
        ActionFactory previous = factories.putIfAbsent(factory.kind(), factory);
        if (previous != null) {
            throw new IllegalStateException("two plugins provide the action kind '" + factory.kind() + "' (" + by + ")");
        }
    }

    private record Context(String id, Map<String, Object> settings, Clock clock, Map<String, ActionFactory> factories,
            List<Map.Entry<StageSlot, Stage>> stages) implements PluginContext {
        @Override
        public void addAction(ActionFactory factory) {
            add(factories, factory, "plugin " + id);
        }

        @Override
        public void addStage(StageSlot slot, Stage stage) {
            stages.add(Map.entry(slot, stage));
        }
    }
}
