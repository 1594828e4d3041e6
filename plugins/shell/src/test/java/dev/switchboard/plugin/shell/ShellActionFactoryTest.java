package dev.switchboard.plugin.shell;

import static dev.switchboard.plugin.shell.Requests.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionFactory.Problem;
import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellActionFactoryTest {
    @TempDir
    Path temp;

    private Configured configure(String template, Map<String, Object> settings) {
        CommandSpec command = command(template, settings);
        return new ShellActionFactory(temp).configure(command.action(), command);
    }

    private List<String> problemSettings(Configured configured) {
        assertThat(configured).isInstanceOf(Configured.Rejected.class);
        return ((Configured.Rejected) configured).problems().stream().map(Problem::setting).toList();
    }

    @Test
    void everyProblemIsListedWithItsSettingPath() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("argv", List.of("./deploy-{env}.sh", "{service}", "{nope}", List.of("nested")));
        settings.put("env", Map.of("1BAD", "x", "TARGET", "{missing}"));
        settings.put("workdir", "no/such/dir");
        settings.put("outputLimit", 0);
        settings.put("successCodes", List.of(0, 300));
        settings.put("inheritEnv", "sometimes");
        settings.put("colour", "red");

        Configured configured = configure("deploy {service} to {env}", settings);

        assertThat(problemSettings(configured)).containsExactlyInAnyOrder("colour", "argv[0]", "argv[2]", "argv[3]",
                "env.1BAD", "env.TARGET", "inheritEnv", "workdir", "outputLimit", "successCodes[1]");
    }

    @Test
    void anUndeclaredArgumentIsNamedWithTheArgumentsTheCommandHas() {
        Configured configured = configure("deploy {service} {version=latest} to {env} {note...}",
                Map.of("argv", List.of("./deploy.sh", "{service}", "{versoin}")));

        assertThat(((Configured.Rejected) configured).problems()).containsExactly(new Problem("argv[2]",
                "{versoin} is not an argument of this command; expected one of {service}, {version}, {env}, {note}"));
    }

    @Test
    void theProgramCannotComeFromAnArgumentEvenWhenTheArgumentExists() {
        Configured configured = configure("run {program}", Map.of("argv", List.of("{program}")));

        assertThat(((Configured.Rejected) configured).problems()).singleElement()
                .satisfies(p -> assertThat(p.setting()).isEqualTo("argv[0]"))
                .satisfies(p -> assertThat(p.message()).contains("fixed by the server"));
    }

    @Test
    void argvIsRequiredAndMustNameAProgram() {
        assertThat(problemSettings(configure("run", Map.of()))).containsExactly("argv");
        assertThat(problemSettings(configure("run", Map.of("argv", List.of())))).containsExactly("argv");
        assertThat(problemSettings(configure("run", Map.of("argv", "./x.sh")))).containsExactly("argv");
    }

    @Test
    void aBrokenTemplateSaysWhereWithoutRepeatingTheText() {
        Configured configured = configure("run {a}", Map.of("argv", List.of("./x.sh", "--token=s3cr3t{a")));

        Problem problem = ((Configured.Rejected) configured).problems().getFirst();
        assertThat(problem.setting()).isEqualTo("argv[1]");
        assertThat(problem.message()).startsWith("column 15").doesNotContain("s3cr3t");
    }

    @Test
    void validSettingsGiveAReadyAction() {
        Configured configured = configure("deploy {service}", Map.of("argv", List.of("./deploy.sh", "{service}"),
                "env", Map.of("SERVICE", "{service}"), "workdir", ".", "outputLimit", 50, "successCodes",
                List.of(0, 1), "inheritEnv", false));

        assertThat(configured).isInstanceOf(Configured.Ready.class);
    }
}
