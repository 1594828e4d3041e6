package dev.switchboard.api.plugin;

import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import java.time.Clock;
import java.util.Map;

/** What a plugin may add to Switchboard while it registers. Valid only during {@link SwitchboardPlugin#register}. */
public interface PluginContext {
    /** The plugin's own settings from config ({@code plugins.<id>:}); empty if none were given. */
    Map<String, Object> settings();

    /** Adds a kind of action; its {@link ActionFactory#kind()} must not be taken yet. */
    void addAction(ActionFactory factory);

    /** Adds a stage at a named slot; stages added to the same slot run in registration order. */
    void addStage(StageSlot slot, Stage stage);

    Clock clock();
}
