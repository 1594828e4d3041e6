package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludesTest {
    @TempDir
    Path dir;

    @Test
    void listsAreConcatenatedAndMapsMergedInIncludeOrder() {
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml",
                "include: [users.yaml, commands/*.yaml]",
                "chat: { web: { enabled: true } }",
                "users: [{ id: alice, accounts: [\"web:alice\"] }]");
        files.write("users.yaml",
                "chat: { irc: { host: irc.internal } }",
                "users: [{ id: bob, accounts: [\"web:bob\"] }]");
        files.write("commands/b.yaml", "commands: [{ id: b.cmd, template: b, action: { reply: {} } }]");
        files.write("commands/a.yaml", "commands: [{ id: a.cmd, template: a, action: { reply: {} } }]");

        SwitchboardConfig config = files.loaded("main.yaml");

        assertThat(config.users()).extracting(UserConfig::id).containsExactly("alice", "bob");
        assertThat(config.commands()).extracting(CommandSpec::id).containsExactly("a.cmd", "b.cmd");
        assertThat(config.commands()).extracting(CommandSpec::source)
                .containsExactly("commands/a.yaml:1:12", "commands/b.yaml:1:12");
        assertThat(config.chat().irc().host()).isEqualTo("irc.internal");
        assertThat(config.files()).hasSize(4);
    }

    @Test
    void aValueSetInTwoFilesIsAConflictNamingBoth() {
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml", "include: [other.yaml]", "server:", "  port: 8080");
        files.write("other.yaml", "server:", "  bind: 0.0.0.0", "  port: 9090");

        assertThat(files.errors("main.yaml")).containsExactly(
                "other.yaml:3:3: server.port: also set in main.yaml:3:3; set it in one file only");
    }

    @Test
    void errorsInAnIncludedFilePointIntoThatFileWithItsOwnIndexes() {
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml", "include: more/ops.yaml",
                "commands: [{ id: ok, template: ok, action: { reply: {} } }]");
        files.write("more/ops.yaml", "commands:", "  - id: broken", "    templat: x", "    action: { reply: {} }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "more/ops.yaml:2:5: commands[0].templates: missing; expected template: \"...\" or templates: "
                        + "[\"...\"]",
                "more/ops.yaml:3:5: commands[0].templat: unknown key; expected one of id, templates, template, args, "
                        + "help, examples, confirm, lock, timeout, action (did you mean 'template'?)");
    }

    @Test
    void anIncludeCycleIsAnError() {
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml", "include: [a.yaml]");
        files.write("a.yaml", "include: [b.yaml]");
        files.write("b.yaml", "include: [a.yaml]");

        assertThat(files.errors("main.yaml")).containsExactly(
                "b.yaml:1:11: include[0]: include cycle: main.yaml -> a.yaml -> b.yaml -> a.yaml");
    }

    @Test
    void aMissingIncludeIsAnErrorAtTheInclude() {
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml", "include:", "  - here.yaml", "  - gone.yaml");
        files.write("here.yaml", "server: { port: 1 }");

        assertThat(files.errors("main.yaml")).containsExactly("main.yaml:3:5: include[1]: file not found: gone.yaml");
    }
}
