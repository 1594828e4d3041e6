package dev.switchboard.plugin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.plugin.PluginContext;
import dev.switchboard.api.plugin.SwitchboardPlugin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ShellPluginTest {
    @Test
    void theShellPluginIsDiscoverableAndAddsTheShellAction() {
        SwitchboardPlugin plugin = ServiceLoader.load(SwitchboardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("shell")).findFirst().orElseThrow();
        List<ActionFactory> added = new ArrayList<>();

        plugin.register(new PluginContext() {
            public Map<String, Object> settings() {
                return Map.of();
            }

            public void addAction(ActionFactory factory) {
                added.add(factory);
            }

            public void addStage(StageSlot slot, Stage stage) {
                throw new AssertionError("the shell plugin adds no stages");
            }

            public Clock clock() {
                return Clock.systemUTC();
            }
        });

        assertThat(added).extracting(ActionFactory::kind).containsExactly("shell");
    }
}
