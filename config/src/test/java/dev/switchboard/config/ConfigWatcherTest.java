package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
    @TempDir
    Path dir;

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ConfigWatcher.Listener listener = new ConfigWatcher.Listener() {
        @Override
        public void reloaded(SwitchboardConfig config) {
            events.add(config);
        }

        @Override
        public void rejected(List<ConfigError> errors) {
            events.add(errors);
        }
    };
    private ConfigWatcher watcher;
    private TempConfig files;

    private void watch(String... mainLines) {
        files = new TempConfig(dir, Map.of());
        files.write("main.yaml", mainLines);
        ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);
        watcher = ConfigWatcher.start(loader, files.loaded("main.yaml"), CommandChecker.NONE, listener,
                Duration.ofMillis(100), Duration.ofMillis(250));
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void anEditedFileIsReloadedAndDelivered() {
        watch("commands: [{ id: a, template: a, action: { reply: {} } }]");

        files.write("main.yaml", "commands:", "  - { id: a, template: a, action: { reply: {} } }",
                "  - { id: b, template: b, action: { reply: {} } }");

        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.getFirst()).isInstanceOfSatisfying(SwitchboardConfig.class,
                config -> assertThat(config.commands()).extracting(CommandSpec::id).containsExactly("a", "b"));
    }

    @Test
    void aBadEditIsRejectedWithItsErrorsAndAFixIsReloaded() {
        watch("server: { port: 8080 }");

        files.write("main.yaml", "server: { prot: 8080 }");
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.getFirst()).isEqualTo(List.of(new ConfigError(Path.of("main.yaml"), 1, 11, "server.prot",
                "unknown key; expected one of bind, port, apiTokens (did you mean 'port'?)")));

        files.write("main.yaml", "server: { port: 9090 }");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events.get(1)).isInstanceOfSatisfying(SwitchboardConfig.class,
                config -> assertThat(config.server().port()).isEqualTo(9090));
    }

    @Test
    void anEditedIncludeIsReloaded() {
        files = new TempConfig(dir, Map.of());
        files.write("conf.d/users.yaml", "users: [{ id: alice }]");
        watch("include: [conf.d/*.yaml]");

        files.write("conf.d/users.yaml", "users: [{ id: alice }, { id: bob }]");

        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.getFirst()).isInstanceOfSatisfying(SwitchboardConfig.class,
                config -> assertThat(config.users()).extracting(UserConfig::id).containsExactly("alice", "bob"));
    }

    @Test
    void closeStopsTheWatcherThread() {
        watch("server: { port: 8080 }");

        watcher.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("config-watcher"));
    }
}
