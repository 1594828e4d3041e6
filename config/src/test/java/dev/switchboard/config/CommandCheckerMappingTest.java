package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.CommandChecker.CommandProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems the engine finds in a command are reported at the line where that part of the command was written. */
class CommandCheckerMappingTest {
    private final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.ENV::get);

    private List<String> errorsWith(CommandChecker checker) {
        return switch (loader.load(ConfigLoaderTest.MAIN, checker)) {
            case LoadResult.Loaded loaded -> throw new AssertionError("expected errors, but loaded " + loaded);
            case LoadResult.Rejected rejected -> rejected.errors().stream().map(ConfigError::toString).toList();
        };
    }

    @Test
    void eachProblemPointsAtTheNodeItNames() {
        CommandChecker checker = commands -> List.of(
                new CommandProblem("deploy.service", "examples[0]", "'deploy web 1.4.2 to staging' does not parse"),
                new CommandProblem("deploy.service", "action.shell.argv[2]", "unknown argument {version}"),
                new CommandProblem("deploy.service", "args.env", "env is not used in any template"),
                new CommandProblem("restart.service", "templates[0]", "overlaps with deploy.service"),
                new CommandProblem("status.show", "", "status is reserved"));

        assertThat(errorsWith(checker)).containsExactly(
                "switchboard.yaml:29:16: commands[0].args.env: env is not used in any template",
                "switchboard.yaml:32:16: commands[0].examples[0]: 'deploy web 1.4.2 to staging' does not parse",
                "switchboard.yaml:37:59: commands[0].action.shell.argv[2]: unknown argument {version}",
                "more/ops.yaml:3:15: commands[0].templates[0]: overlaps with deploy.service",
                "more/ops.yaml:12:5: commands[1]: status is reserved");
    }

    @Test
    void aPathThatWasNotWrittenFallsBackToItsNearestWrittenParent() {
        CommandChecker checker = commands -> List.of(
                new CommandProblem("restart.service", "args.delay.values", "durations have no values"),
                new CommandProblem("restart.service", "timeout", "restarts may take at most 5m"));

        assertThat(errorsWith(checker)).containsExactly(
                "more/ops.yaml:2:5: commands[0].timeout: restarts may take at most 5m",
                "more/ops.yaml:6:14: commands[0].args.delay.values: durations have no values");
    }

    @Test
    void aCheckerThatThrowsBecomesOneErrorNotACrash() {
        CommandChecker checker = commands -> {
            throw new IllegalStateException("bug");
        };

        assertThat(errorsWith(checker)).containsExactly(
                "switchboard.yaml: commands: the commands could not be checked (internal error; see the server log)");
    }

    @Test
    void theCheckerSeesEveryCommandThatWasRead(@TempDir Path dir) {
        List<String> seen = new java.util.ArrayList<>();
        TempConfig files = new TempConfig(dir, Map.of());
        files.write("main.yaml", "commands:", "  - { id: a, template: a, action: { reply: {} } }",
                "  - { id: b, template: b, action: { reply: {} } }");

        files.load("main.yaml", commands -> {
            commands.forEach(c -> seen.add(c.id()));
            return List.of();
        });

        assertThat(seen).containsExactly("a", "b");
    }
}
